# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rcctl_global_optspecs
    string join \n p/profile= url= config= json timeout= max-wait= ca-cert= insecure v/verbose h/help V/version
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
complete -c rcctl -n "__fish_rcctl_needs_command" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_needs_command" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_needs_command" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_needs_command" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_needs_command" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_needs_command" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_needs_command" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "integrations" -d 'Find, inspect and remove incoming and outgoing webhooks'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "auth" -d 'Log in, see who you are, and switch between profiles'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "completions" -d 'Print the completion script for a shell'
complete -c rcctl -n "__fish_rcctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "remove" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "rm" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "get" -d 'Print one integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "list" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "ls" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "restore" -d 'Re-create an integration from a backup file, or from the newest backup of an ID'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "backups" -d 'List the local backups of removed integrations, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and not __fish_seen_subcommand_from remove rm get list ls restore backups help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s t -l type -d 'Remove only integrations of this type; any other type is refused (exit 7). Without it, each integration\'s own type is used' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l parallel -d 'Up to N requests in flight at once; output and exit code keep the ID order' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l dry-run -d 'Show what would be removed; remove nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l ignore-missing -d 'Report integrations that do not exist on stderr and count them as success'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Confirm without asking (needed for protected profiles without a terminal)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l no-backup -d 'Do not write a backup of each removed integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s t -l type -d 'Remove only integrations of this type; any other type is refused (exit 7). Without it, each integration\'s own type is used' -r -f -a "webhook-incoming\t''
webhook-outgoing\t''"
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l parallel -d 'Up to N requests in flight at once; output and exit code keep the ID order' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l dry-run -d 'Show what would be removed; remove nothing'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l ignore-missing -d 'Report integrations that do not exist on stderr and count them as success'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s y -l yes -d 'Confirm without asking (needed for protected profiles without a terminal)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l no-backup -d 'Do not write a backup of each removed integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from rm" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from get" -s h -l help -d 'Print help'
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
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l show-secrets -d 'Print tokens instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
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
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l enabled -d 'Only enabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l disabled -d 'Only disabled integrations'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l show-secrets -d 'Print tokens instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Confirm without asking (needed for protected profiles without a terminal)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l force -d 'Restore even a backup that was restored before (creates another copy)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l show-secrets -d 'Print the integration\'s token instead of "[redacted]"'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from backups" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "get" -d 'Print one integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Re-create an integration from a backup file, or from the newest backup of an ID'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "backups" -d 'List the local backups of removed integrations, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand integrations; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and not __fish_seen_subcommand_from login status logout list ls use help" -s h -l help -d 'Print help'
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
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l password-stdin -d 'Without a terminal, read the password from the first line of stdin'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l with-token -d 'Log in with a personal access token (first line of stdin, or asked on a terminal)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s p -l profile -d 'Profile from the config file [env: RCCTL_PROFILE]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l url -d 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l config -d 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand auth; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
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
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l timeout -d 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l max-wait -d 'Longest total wait for one rate-limited request before giving up (exit 8)' -r
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l ca-cert -d 'Extra PEM root certificate(s) to trust' -r -F
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l json -d 'Machine-readable output: JSON on stdout, JSON errors on stderr'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -l insecure -d 'Skip TLS certificate verification (unsafe; warns every time)'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s v -l verbose -d 'Print one line per HTTP exchange on stderr (secrets redacted)'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s h -l help -d 'Print help'
complete -c rcctl -n "__fish_rcctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "integrations" -d 'Find, inspect and remove incoming and outgoing webhooks'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "auth" -d 'Log in, see who you are, and switch between profiles'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "completions" -d 'Print the completion script for a shell'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and not __fish_seen_subcommand_from integrations auth completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "remove" -d 'Remove integrations, after checking each one\'s type'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "get" -d 'Print one integration'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "list" -d 'List the integrations you may see, every page'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "restore" -d 'Re-create an integration from a backup file, or from the newest backup of an ID'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from integrations" -f -a "backups" -d 'List the local backups of removed integrations, newest first'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Log in (password or personal access token) and save the profile'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Show the profile, server, user and where the token comes from (never the token)'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Forget the profile\'s token; a password session is also ended on the server'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "list" -d 'List the profiles in the config file, the default one marked'
complete -c rcctl -n "__fish_rcctl_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "use" -d 'Make a profile the default'
