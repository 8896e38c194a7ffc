# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rcctl_global_optspecs
    string join \n p/profile= url= config= o/output= json timeout= max-wait= ca-cert= insecure v/verbose h/help V/version
end

function __fish_rcctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rcctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rcctl_using_subcommand
    set -l cmd (__fish_rcctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rcctl -n "__fish_rcctl_needs_command" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_needs_command" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_needs_command" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_needs_command" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_needs_command" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_needs_command" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_needs_command" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_needs_command" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_needs_command" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_needs_command" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_needs_command" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "integrations" -d 'Find, inspect and remove incoming and outgoing webhooks'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "auth" -d 'Log in, see who you are, and switch between profiles'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "completions" -d 'Print the completion script for a shell'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "remove" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "delete" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "rm" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "get" -d 'Print one integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "list" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "ls" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "restore" -d 'Bring an integration back from a backup file, or from the newest backup of an ID'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "backups" -d 'List the local backups of removed or updated integrations, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "history" -d 'Show an outgoing webhook\'s delivery history, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "doctor" -d 'Check the matching integrations for problems; reads only, changes nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "export" -d 'Write one TOML file per integration (its script beside it), to keep them in git'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "plan" -d 'Compare TOML files with the server: what `apply` would change (reads only)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "apply" -d 'Make the server match TOML files: create, update, and with --prune remove'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove delete rm get list ls restore backups history doctor export plan apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l max -d 'Refuse (exit 7, nothing removed) when more than N integrations would be removed' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l parallel -d 'Up to N requests in flight at once; output and exit code keep the ID order' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l all -d 'Without IDs or filters: remove every integration you may see'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l dry-run -d 'Show what would be removed; remove nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l ignore-missing -d 'Report integrations that do not exist on stderr and count them as success'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l no-backup -d 'Do not write a backup of each removed integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l max -d 'Refuse (exit 7, nothing removed) when more than N integrations would be removed' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l parallel -d 'Up to N requests in flight at once; output and exit code keep the ID order' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l all -d 'Without IDs or filters: remove every integration you may see'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l dry-run -d 'Show what would be removed; remove nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l ignore-missing -d 'Report integrations that do not exist on stderr and count them as success'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l no-backup -d 'Do not write a backup of each removed integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l max -d 'Refuse (exit 7, nothing removed) when more than N integrations would be removed' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l parallel -d 'Up to N requests in flight at once; output and exit code keep the ID order' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l all -d 'Without IDs or filters: remove every integration you may see'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l dry-run -d 'Show what would be removed; remove nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l ignore-missing -d 'Report integrations that do not exist on stderr and count them as success'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Confirm without asking (needed without a terminal to remove by filter, and for protected profiles)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l no-backup -d 'Do not write a backup of each removed integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l parallel -d 'Up to N pages requested at once, once the first page has told the total' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l show-secrets -d 'Print tokens instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l parallel -d 'Up to N pages requested at once, once the first page has told the total' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l show-secrets -d 'Print tokens instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Confirm without asking (needed for protected profiles without a terminal)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l force -d 'Restore even a backup that was restored before (creates another copy)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l limit -d 'Show at most N entries' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l show-secrets -d 'Print the tokens inside the entries instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from history" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l stale -d 'Call an outgoing integration stale when it is older than DAYS and has delivered nothing for that long' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l exit-code -d 'Exit 12 when any `error` finding exists'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from doctor" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l dir -d 'The directory to write into (created if missing)' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l show-secrets -d 'Write outgoing tokens into the files (then mode 0600) instead of { env = "RCCTL_TOKEN_<SLUG>" } references'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l exit-code -d 'Exit 11 when applying the files would change anything'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l prune -d 'Also remove each integration that matches the FILTERS below and no file'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l show-secrets -d 'Print tokens instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from plan" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -s t -l type -d 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l name -d 'Only integrations whose name contains TEXT (any case)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l created-by -d 'Only integrations created by this user (username)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l channel -d 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l event -d 'Only outgoing integrations triggered by this event' -r -f -a "sendMessage\t''
fileUploaded\t''
roomArchived\t''
roomCreated\t''
roomJoined\t''
roomLeft\t''
userCreated\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l older-than -d 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l dry-run -d 'Show the plan; change nothing (what `plan` does)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Apply without asking (needed without a terminal)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l no-backup -d 'Do not back up each integration before it is updated or removed'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l prune -d 'Also remove each integration that matches the FILTERS below and no file'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l show-secrets -d 'Print tokens instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Bring an integration back from a backup file, or from the newest backup of an ID'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "backups" -d 'List the local backups of removed or updated integrations, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "history" -d 'Show an outgoing webhook\'s delivery history, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "doctor" -d 'Check the matching integrations for problems; reads only, changes nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write one TOML file per integration (its script beside it), to keep them in git'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Compare TOML files with the server: what `apply` would change (reads only)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Make the server match TOML files: create, update, and with --prune remove'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -f -a "login" -d 'Log in (password or personal access token) and save the profile'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -f -a "status" -d 'Show the profile, server, user and where the token comes from (never the token)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -f -a "logout" -d 'Forget the profile\'s token; a password session is also ended on the server'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -f -a "list" -d 'List the profiles in the config file, the default one marked'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -f -a "ls" -d 'List the profiles in the config file, the default one marked'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -f -a "use" -d 'Make a profile the default'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l username -d 'User name or email [asked on a terminal]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l code -d 'Two-factor code, if the server asks for one [asked on a terminal]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l user-id -d 'The id of the user who owns the personal access token' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l password-stdin -d 'Without a terminal, read the password from the first line of stdin'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Log in with a personal access token (first line of stdin, or asked on a terminal)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Log in (password or personal access token) and save the profile'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show the profile, server, user and where the token comes from (never the token)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Forget the profile\'s token; a password session is also ended on the server'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles in the config file, the default one marked'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "use" -d 'Make a profile the default'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s o -l output -d 'What stdout gets: a table that fits the terminal, the wide table, JSON, one JSON object per line, or one ID per line' -r -f -a "table\t''
wide\t''
json\t''
ndjson\t''
id\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l json -d 'Machine-readable output, the same as -o json: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "integrations" -d 'Find, inspect and remove incoming and outgoing webhooks'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "auth" -d 'Log in, see who you are, and switch between profiles'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "completions" -d 'Print the completion script for a shell'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "remove" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "get" -d 'Print one integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "list" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "restore" -d 'Bring an integration back from a backup file, or from the newest backup of an ID'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "backups" -d 'List the local backups of removed or updated integrations, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "history" -d 'Show an outgoing webhook\'s delivery history, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "doctor" -d 'Check the matching integrations for problems; reads only, changes nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "export" -d 'Write one TOML file per integration (its script beside it), to keep them in git'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "plan" -d 'Compare TOML files with the server: what `apply` would change (reads only)'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "apply" -d 'Make the server match TOML files: create, update, and with --prune remove'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Log in (password or personal access token) and save the profile'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile, server, user and where the token comes from (never the token)'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Forget the profile\'s token; a password session is also ended on the server'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "list" -d 'List the profiles in the config file, the default one marked'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "use" -d 'Make a profile the default'
