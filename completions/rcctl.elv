
use builtin;
use str;

set edit:completion:arg-completer[rcctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'rcctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'rcctl'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand integrations 'Find, inspect and remove incoming and outgoing webhooks'
            cand auth 'Log in, see who you are, and switch between profiles'
            cand completions 'Print the completion script for a shell'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rcctl;integrations'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand remove 'Remove integrations, after checking each one''s type'
            cand rm 'Remove integrations, after checking each one''s type'
            cand get 'Print one integration'
            cand list 'List the integrations you may see, every page'
            cand ls 'List the integrations you may see, every page'
            cand restore 'Re-create an integration from a backup file, or from the newest backup of an ID'
            cand backups 'List the local backups of removed integrations, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rcctl;integrations;remove'= {
            cand -t 'Remove only integrations of this type; any other type is refused (exit 7). Without it, each integration''s own type is used'
            cand --type 'Remove only integrations of this type; any other type is refused (exit 7). Without it, each integration''s own type is used'
            cand --parallel 'Up to N requests in flight at once; output and exit code keep the ID order'
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --dry-run 'Show what would be removed; remove nothing'
            cand --ignore-missing 'Report integrations that do not exist on stderr and count them as success'
            cand --show-secrets 'Print the integration''s token instead of "[redacted]"'
            cand -y 'Confirm without asking (needed for protected profiles without a terminal)'
            cand --yes 'Confirm without asking (needed for protected profiles without a terminal)'
            cand --no-backup 'Do not write a backup of each removed integration'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;integrations;rm'= {
            cand -t 'Remove only integrations of this type; any other type is refused (exit 7). Without it, each integration''s own type is used'
            cand --type 'Remove only integrations of this type; any other type is refused (exit 7). Without it, each integration''s own type is used'
            cand --parallel 'Up to N requests in flight at once; output and exit code keep the ID order'
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --dry-run 'Show what would be removed; remove nothing'
            cand --ignore-missing 'Report integrations that do not exist on stderr and count them as success'
            cand --show-secrets 'Print the integration''s token instead of "[redacted]"'
            cand -y 'Confirm without asking (needed for protected profiles without a terminal)'
            cand --yes 'Confirm without asking (needed for protected profiles without a terminal)'
            cand --no-backup 'Do not write a backup of each removed integration'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;integrations;get'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --show-secrets 'Print the integration''s token instead of "[redacted]"'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;integrations;list'= {
            cand -t 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)'
            cand --type 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)'
            cand --name 'Only integrations whose name contains TEXT (any case)'
            cand --created-by 'Only integrations created by this user (username)'
            cand --channel 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)'
            cand --event 'Only outgoing integrations triggered by this event'
            cand --older-than 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w'
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --enabled 'Only enabled integrations'
            cand --disabled 'Only disabled integrations'
            cand --show-secrets 'Print tokens instead of "[redacted]"'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;integrations;ls'= {
            cand -t 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)'
            cand --type 'Only integrations of this type: webhook-incoming or webhook-outgoing (aliases: incoming, outgoing)'
            cand --name 'Only integrations whose name contains TEXT (any case)'
            cand --created-by 'Only integrations created by this user (username)'
            cand --channel 'Only integrations posting to or listening on this channel (#room or @user; prefix optional)'
            cand --event 'Only outgoing integrations triggered by this event'
            cand --older-than 'Only integrations created more than DURATION ago, e.g. 90d, 12h, 1w'
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --enabled 'Only enabled integrations'
            cand --disabled 'Only disabled integrations'
            cand --show-secrets 'Print tokens instead of "[redacted]"'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;integrations;restore'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand -y 'Confirm without asking (needed for protected profiles without a terminal)'
            cand --yes 'Confirm without asking (needed for protected profiles without a terminal)'
            cand --force 'Restore even a backup that was restored before (creates another copy)'
            cand --show-secrets 'Print the integration''s token instead of "[redacted]"'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;integrations;backups'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;integrations;help'= {
            cand remove 'Remove integrations, after checking each one''s type'
            cand get 'Print one integration'
            cand list 'List the integrations you may see, every page'
            cand restore 'Re-create an integration from a backup file, or from the newest backup of an ID'
            cand backups 'List the local backups of removed integrations, newest first'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rcctl;integrations;help;remove'= {
        }
        &'rcctl;integrations;help;get'= {
        }
        &'rcctl;integrations;help;list'= {
        }
        &'rcctl;integrations;help;restore'= {
        }
        &'rcctl;integrations;help;backups'= {
        }
        &'rcctl;integrations;help;help'= {
        }
        &'rcctl;auth'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand login 'Log in (password or personal access token) and save the profile'
            cand status 'Show the profile, server, user and where the token comes from (never the token)'
            cand logout 'Forget the profile''s token; a password session is also ended on the server'
            cand list 'List the profiles in the config file, the default one marked'
            cand ls 'List the profiles in the config file, the default one marked'
            cand use 'Make a profile the default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rcctl;auth;login'= {
            cand --username 'User name or email [asked on a terminal]'
            cand --code 'Two-factor code, if the server asks for one [asked on a terminal]'
            cand --user-id 'The id of the user who owns the personal access token'
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --password-stdin 'Without a terminal, read the password from the first line of stdin'
            cand --with-token 'Log in with a personal access token (first line of stdin, or asked on a terminal)'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;auth;status'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;auth;logout'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;auth;list'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;auth;ls'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;auth;use'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;auth;help'= {
            cand login 'Log in (password or personal access token) and save the profile'
            cand status 'Show the profile, server, user and where the token comes from (never the token)'
            cand logout 'Forget the profile''s token; a password session is also ended on the server'
            cand list 'List the profiles in the config file, the default one marked'
            cand use 'Make a profile the default'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rcctl;auth;help;login'= {
        }
        &'rcctl;auth;help;status'= {
        }
        &'rcctl;auth;help;logout'= {
        }
        &'rcctl;auth;help;list'= {
        }
        &'rcctl;auth;help;use'= {
        }
        &'rcctl;auth;help;help'= {
        }
        &'rcctl;completions'= {
            cand -p 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --profile 'Profile from the config file [env: RCCTL_PROFILE]'
            cand --url 'Server base URL, e.g. https://chat.example.com [env: RCCTL_URL]'
            cand --config 'Config file [env: RCCTL_CONFIG] [default: ~/.config/rcctl/config.toml]'
            cand --timeout 'Whole-request timeout in seconds [env: RCCTL_TIMEOUT] [default: 30]'
            cand --max-wait 'Longest total wait for one rate-limited request before giving up (exit 8)'
            cand --ca-cert 'Extra PEM root certificate(s) to trust'
            cand --json 'Machine-readable output: JSON on stdout, JSON errors on stderr'
            cand --insecure 'Skip TLS certificate verification (unsafe; warns every time)'
            cand -v 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand --verbose 'Print one line per HTTP exchange on stderr (secrets redacted)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'rcctl;help'= {
            cand integrations 'Find, inspect and remove incoming and outgoing webhooks'
            cand auth 'Log in, see who you are, and switch between profiles'
            cand completions 'Print the completion script for a shell'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'rcctl;help;integrations'= {
            cand remove 'Remove integrations, after checking each one''s type'
            cand get 'Print one integration'
            cand list 'List the integrations you may see, every page'
            cand restore 'Re-create an integration from a backup file, or from the newest backup of an ID'
            cand backups 'List the local backups of removed integrations, newest first'
        }
        &'rcctl;help;integrations;remove'= {
        }
        &'rcctl;help;integrations;get'= {
        }
        &'rcctl;help;integrations;list'= {
        }
        &'rcctl;help;integrations;restore'= {
        }
        &'rcctl;help;integrations;backups'= {
        }
        &'rcctl;help;auth'= {
            cand login 'Log in (password or personal access token) and save the profile'
            cand status 'Show the profile, server, user and where the token comes from (never the token)'
            cand logout 'Forget the profile''s token; a password session is also ended on the server'
            cand list 'List the profiles in the config file, the default one marked'
            cand use 'Make a profile the default'
        }
        &'rcctl;help;auth;login'= {
        }
        &'rcctl;help;auth;status'= {
        }
        &'rcctl;help;auth;logout'= {
        }
        &'rcctl;help;auth;list'= {
        }
        &'rcctl;help;auth;use'= {
        }
        &'rcctl;help;completions'= {
        }
        &'rcctl;help;help'= {
        }
    ]
    $completions[$command]
}
