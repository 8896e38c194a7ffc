
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'rcctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'rcctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'rcctl' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('integrations', 'integrations', [CompletionResultType]::ParameterValue, 'Find, inspect and remove incoming and outgoing webhooks')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in, see who you are, and switch between profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rcctl;integrations' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove integrations, after checking each one''s type')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Remove integrations, after checking each one''s type')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove integrations, after checking each one''s type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one integration')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the integrations you may see, every page')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the integrations you may see, every page')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring an integration back from a backup file, or from the newest backup of an ID')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'List the local backups of removed or updated integrations, newest first')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an outgoing webhook''s delivery history, newest first')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the matching integrations for problems; reads only, changes nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one TOML file per integration (its script beside it), to keep them in git')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Compare TOML files with the server: what `apply` would change (reads only)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the server match TOML files: create, update, and with --prune remove')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rcctl;integrations;remove' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse (exit 7, nothing removed) when more than N integrations would be removed')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Up to N requests in flight at once; output and exit code keep the ID order')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Without IDs or filters: remove every integration you may see')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed; remove nothing')
            [CompletionResult]::new('--ignore-missing', '--ignore-missing', [CompletionResultType]::ParameterName, 'Report integrations that do not exist on stderr and count them as success')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the integration''s token instead of "[redacted]"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)')
            [CompletionResult]::new('--no-backup', '--no-backup', [CompletionResultType]::ParameterName, 'Do not write a backup of each removed integration')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;delete' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse (exit 7, nothing removed) when more than N integrations would be removed')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Up to N requests in flight at once; output and exit code keep the ID order')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Without IDs or filters: remove every integration you may see')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed; remove nothing')
            [CompletionResult]::new('--ignore-missing', '--ignore-missing', [CompletionResultType]::ParameterName, 'Report integrations that do not exist on stderr and count them as success')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the integration''s token instead of "[redacted]"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)')
            [CompletionResult]::new('--no-backup', '--no-backup', [CompletionResultType]::ParameterName, 'Do not write a backup of each removed integration')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;rm' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('--max', '--max', [CompletionResultType]::ParameterName, 'Refuse (exit 7, nothing removed) when more than N integrations would be removed')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Up to N requests in flight at once; output and exit code keep the ID order')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Without IDs or filters: remove every integration you may see')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be removed; remove nothing')
            [CompletionResult]::new('--ignore-missing', '--ignore-missing', [CompletionResultType]::ParameterName, 'Report integrations that do not exist on stderr and count them as success')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the integration''s token instead of "[redacted]"')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)')
            [CompletionResult]::new('--no-backup', '--no-backup', [CompletionResultType]::ParameterName, 'Do not write a backup of each removed integration')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;get' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the integration''s token instead of "[redacted]"')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;list' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Up to N pages requested at once, once the first page has told the total')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print tokens instead of "[redacted]"')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;ls' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('--parallel', '--parallel', [CompletionResultType]::ParameterName, 'Up to N pages requested at once, once the first page has told the total')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print tokens instead of "[redacted]"')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;restore' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Confirm without asking (needed for protected profiles without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm without asking (needed for protected profiles without a terminal)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Restore even a backup that was restored before (creates another copy)')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the integration''s token instead of "[redacted]"')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;backups' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;history' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N entries')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print the tokens inside the entries instead of "[redacted]"')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;doctor' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('--stale', '--stale', [CompletionResultType]::ParameterName, 'Call an outgoing integration stale when it is older than DAYS and has delivered nothing for that long')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 12 when any `error` finding exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;export' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The directory to write into (created if missing)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Write outgoing tokens into the files (then mode 0600) instead of { env = "RCCTL_TOKEN_<SLUG>" } references')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;plan' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--exit-code', '--exit-code', [CompletionResultType]::ParameterName, 'Exit 11 when applying the files would change anything')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also remove each integration that matches the FILTERS below and no file')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print tokens instead of "[redacted]"')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;apply' {
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only integrations whose name contains TEXT (any case)')
            [CompletionResult]::new('--created-by', '--created-by', [CompletionResultType]::ParameterName, 'Only integrations created by this user (username)')
            [CompletionResult]::new('--channel', '--channel', [CompletionResultType]::ParameterName, 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only outgoing integrations triggered by this event')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the plan; change nothing (what `plan` does)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply without asking (needed without a terminal)')
            [CompletionResult]::new('--no-backup', '--no-backup', [CompletionResultType]::ParameterName, 'Do not back up each integration before it is updated or removed')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also remove each integration that matches the FILTERS below and no file')
            [CompletionResult]::new('--show-secrets', '--show-secrets', [CompletionResultType]::ParameterName, 'Print tokens instead of "[redacted]"')
            [CompletionResult]::new('--enabled', '--enabled', [CompletionResultType]::ParameterName, 'Only enabled integrations')
            [CompletionResult]::new('--disabled', '--disabled', [CompletionResultType]::ParameterName, 'Only disabled integrations')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;integrations;help' {
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove integrations, after checking each one''s type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one integration')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the integrations you may see, every page')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring an integration back from a backup file, or from the newest backup of an ID')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'List the local backups of removed or updated integrations, newest first')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an outgoing webhook''s delivery history, newest first')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the matching integrations for problems; reads only, changes nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one TOML file per integration (its script beside it), to keep them in git')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Compare TOML files with the server: what `apply` would change (reads only)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the server match TOML files: create, update, and with --prune remove')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rcctl;integrations;help;remove' {
            break
        }
        'rcctl;integrations;help;get' {
            break
        }
        'rcctl;integrations;help;list' {
            break
        }
        'rcctl;integrations;help;restore' {
            break
        }
        'rcctl;integrations;help;backups' {
            break
        }
        'rcctl;integrations;help;history' {
            break
        }
        'rcctl;integrations;help;doctor' {
            break
        }
        'rcctl;integrations;help;export' {
            break
        }
        'rcctl;integrations;help;plan' {
            break
        }
        'rcctl;integrations;help;apply' {
            break
        }
        'rcctl;integrations;help;help' {
            break
        }
        'rcctl;auth' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in (password or personal access token) and save the profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, server, user and where the token comes from (never the token)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the profile''s token; a password session is also ended on the server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file, the default one marked')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List the profiles in the config file, the default one marked')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rcctl;auth;login' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'User name or email [asked on a terminal]')
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'Two-factor code, if the server asks for one [asked on a terminal]')
            [CompletionResult]::new('--user-id', '--user-id', [CompletionResultType]::ParameterName, 'The id of the user who owns the personal access token')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Without a terminal, read the password from the first line of stdin')
            [CompletionResult]::new('--with-token', '--with-token', [CompletionResultType]::ParameterName, 'Log in with a personal access token (first line of stdin, or asked on a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;auth;status' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;auth;logout' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;auth;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;auth;ls' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;auth;use' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;auth;help' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in (password or personal access token) and save the profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, server, user and where the token comes from (never the token)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the profile''s token; a password session is also ended on the server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file, the default one marked')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rcctl;auth;help;login' {
            break
        }
        'rcctl;auth;help;status' {
            break
        }
        'rcctl;auth;help;logout' {
            break
        }
        'rcctl;auth;help;list' {
            break
        }
        'rcctl;auth;help;use' {
            break
        }
        'rcctl;auth;help;help' {
            break
        }
        'rcctl;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile from the config file [env: RCCTL_PROFILE]')
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--max-wait', '--max-wait', [CompletionResultType]::ParameterName, 'Longest total wait for one rate-limited request before giving up (exit 8)')
            [CompletionResult]::new('--ca-cert', '--ca-cert', [CompletionResultType]::ParameterName, 'Extra PEM root certificate(s) to trust')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Skip TLS certificate verification (unsafe; warns every time)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Print one line per HTTP exchange on stderr (secrets redacted)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rcctl;help' {
            [CompletionResult]::new('integrations', 'integrations', [CompletionResultType]::ParameterValue, 'Find, inspect and remove incoming and outgoing webhooks')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'Log in, see who you are, and switch between profiles')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rcctl;help;integrations' {
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove integrations, after checking each one''s type')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Print one integration')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the integrations you may see, every page')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Bring an integration back from a backup file, or from the newest backup of an ID')
            [CompletionResult]::new('backups', 'backups', [CompletionResultType]::ParameterValue, 'List the local backups of removed or updated integrations, newest first')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'Show an outgoing webhook''s delivery history, newest first')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the matching integrations for problems; reads only, changes nothing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one TOML file per integration (its script beside it), to keep them in git')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Compare TOML files with the server: what `apply` would change (reads only)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the server match TOML files: create, update, and with --prune remove')
            break
        }
        'rcctl;help;integrations;remove' {
            break
        }
        'rcctl;help;integrations;get' {
            break
        }
        'rcctl;help;integrations;list' {
            break
        }
        'rcctl;help;integrations;restore' {
            break
        }
        'rcctl;help;integrations;backups' {
            break
        }
        'rcctl;help;integrations;history' {
            break
        }
        'rcctl;help;integrations;doctor' {
            break
        }
        'rcctl;help;integrations;export' {
            break
        }
        'rcctl;help;integrations;plan' {
            break
        }
        'rcctl;help;integrations;apply' {
            break
        }
        'rcctl;help;auth' {
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Log in (password or personal access token) and save the profile')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show the profile, server, user and where the token comes from (never the token)')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the profile''s token; a password session is also ended on the server')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file, the default one marked')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Make a profile the default')
            break
        }
        'rcctl;help;auth;login' {
            break
        }
        'rcctl;help;auth;status' {
            break
        }
        'rcctl;help;auth;logout' {
            break
        }
        'rcctl;help;auth;list' {
            break
        }
        'rcctl;help;auth;use' {
            break
        }
        'rcctl;help;completions' {
            break
        }
        'rcctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
