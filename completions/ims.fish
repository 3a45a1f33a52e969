# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_ims_global_optspecs
    string join \n p/profile= config= endpoint= token= api= sharing-rules= project-id= o/output= timeout= retries= deadline= ca-file= insecure os-cloud= no-cache v/verbose h/help V/version
end

function __fish_ims_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_ims_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_ims_using_subcommand
    set -l cmd (__fish_ims_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c ims -n "__fish_ims_needs_command" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_needs_command" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_needs_command" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_needs_command" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_needs_command" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_needs_command" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_needs_command" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_needs_command" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_needs_command" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_needs_command" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_needs_command" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_needs_command" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_needs_command" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_needs_command" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_needs_command" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_needs_command" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_needs_command" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_needs_command" -f -a "member" -d 'Show, list, add and remove the members images are shared with; accept or reject shares'
complete -c ims -n "__fish_ims_needs_command" -f -a "image" -d 'List the images this project shares, or those shared with it'
complete -c ims -n "__fish_ims_needs_command" -f -a "share" -d 'Desired sharing from a file (shares.toml): plan, check and apply it, or export today\'s sharing as one'
complete -c ims -n "__fish_ims_needs_command" -f -a "profile" -d 'Inspect the config file\'s profiles and the resolved settings'
complete -c ims -n "__fish_ims_needs_command" -f -a "auth" -d 'The cached Keystone token of the selected identity (never printed)'
complete -c ims -n "__fish_ims_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c ims -n "__fish_ims_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -f -a "show" -d 'Show one member of an image'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -f -a "list" -d 'List the members of one or more images'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -f -a "add" -d 'Share images with members (owner side)'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -f -a "remove" -d 'Stop sharing images with members (owner side); asks first on a terminal'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -f -a "accept" -d 'Accept images shared with this project (member side)'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -f -a "reject" -d 'Reject images shared with this project (member side)'
complete -c ims -n "__fish_ims_using_subcommand member; and not __fish_seen_subcommand_from show list add remove accept reject help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l status -d 'Only members with this status' -r -f -a "accepted\t'Shared and accepted by the member'
pending\t'Shared, not yet answered'
rejected\t'Shared and declined by the member'
all\t'Every member'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -s j -l jobs -d 'How many images to fetch at once' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l limit -d 'Page size asked of the service (1-1000); every page is fetched either way [default: the service\'s]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l all -d 'The members of every image this project shares (`image list --shared`)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l member-type -d 'What the members are (Huawei\'s v1 API only) [default: project]' -r -f -a "project\t'A project (tenant) ID'
domain\t'An account (domain) ID'
organization\t'An organization, as its URN'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -s j -l jobs -d 'How many changes to send at once' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l dry-run -d 'Print each request that would change something (METHOD URL BODY) and send none'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l member-type -d 'What the members are (Huawei\'s v1 API only) [default: project]' -r -f -a "project\t'A project (tenant) ID'
domain\t'An account (domain) ID'
organization\t'An organization, as its URN'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -s j -l jobs -d 'How many changes to send at once' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Remove without asking (needed when not on a terminal)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l dry-run -d 'Print each request that would change something (METHOD URL BODY) and send none'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l vault-id -d 'The vault (CBR) of this project to hold full-ECS images made from a CBR backup; Huawei\'s v1 API only, needed to accept such images' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -s j -l jobs -d 'How many changes to send at once' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l dry-run -d 'Print each request that would change something (METHOD URL BODY) and send none'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from accept" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l vault-id -d 'The vault (CBR) of this project to hold full-ECS images made from a CBR backup; Huawei\'s v1 API only, needed to accept such images' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -s j -l jobs -d 'How many changes to send at once' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l dry-run -d 'Print each request that would change something (METHOD URL BODY) and send none'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from reject" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one member of an image'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the members of one or more images'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "add" -d 'Share images with members (owner side)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Stop sharing images with members (owner side); asks first on a terminal'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Accept images shared with this project (member side)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "reject" -d 'Reject images shared with this project (member side)'
complete -c ims -n "__fish_ims_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List this project\'s shared images (--shared, the default) or the images other projects share with it (--incoming), every page'
complete -c ims -n "__fish_ims_using_subcommand image; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l status -d 'With --incoming: only images where this project\'s membership has this status [default: all]' -r -f -a "accepted\t'Shared and accepted by the member'
pending\t'Shared, not yet answered'
rejected\t'Shared and declined by the member'
all\t'Every member'"
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l limit -d 'Page size asked of the service (1-1000) [default: 1000 on v2, 500 on v1]; every page is fetched either way' -r
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l shared -d 'Images this project owns and shares (the default)'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l incoming -d 'Images other projects share with this project, with this project\'s member status'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "list" -d 'List this project\'s shared images (--shared, the default) or the images other projects share with it (--incoming), every page'
complete -c ims -n "__fish_ims_using_subcommand image; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -f -a "plan" -d 'Show what apply would change (exit 0)'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -f -a "check" -d 'The same as plan, but exit 10 when anything differs (drift)'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -f -a "apply" -d 'Change the cloud to match the file: visibility, add, accept (with the member\'s own profile, from [consumers]), remove (with prune); asks first before removals'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -f -a "export" -d 'Print today\'s sharing of images as a shares file (default: every image this project shares)'
complete -c ims -n "__fish_ims_using_subcommand share; and not __fish_seen_subcommand_from plan check apply export help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -s f -l file -d 'The shares file; `-` reads it from stdin' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -s j -l jobs -d 'How many requests to send at once' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l warn-days -d 'Note a share whose `until` is within this many days' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l out -d 'Also write the plan, with what it was made from, to this JSON file, for `share apply --plan` (a reviewed plan applied exactly)' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l prune -d 'Remove members the file does not name (as `prune = true` in the file does)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from plan" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -s f -l file -d 'The shares file; `-` reads it from stdin' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -s j -l jobs -d 'How many requests to send at once' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l warn-days -d 'Note a share whose `until` is within this many days' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l prune -d 'Remove members the file does not name (as `prune = true` in the file does)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s f -l file -d 'The shares file; `-` reads it from stdin' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s j -l jobs -d 'How many requests to send at once' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l warn-days -d 'Note a share whose `until` is within this many days' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l plan -d 'Apply exactly this saved plan (`share plan --out`) instead of a file: nothing is sent, exit 11, when the cloud differs from what it was made on' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l prune -d 'Remove members the file does not name (as `prune = true` in the file does)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s y -l yes -d 'Apply removals without asking (needed when not on a terminal)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l dry-run -d 'Print each request that would change something (METHOD URL BODY), the consumers\' too, and send none'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from apply" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -s j -l jobs -d 'How many images to read at once' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from help" -f -a "plan" -d 'Show what apply would change (exit 0)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from help" -f -a "check" -d 'The same as plan, but exit 10 when anything differs (drift)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Change the cloud to match the file: visibility, add, accept (with the member\'s own profile, from [consumers]), remove (with prune); asks first before removals'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from help" -f -a "export" -d 'Print today\'s sharing of images as a shares file (default: every image this project shares)'
complete -c ims -n "__fish_ims_using_subcommand share; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'List the profiles in the config file; the default one is marked'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'Show the resolved settings and where each came from (secrets masked)'
complete -c ims -n "__fish_ims_using_subcommand profile; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles in the config file; the default one is marked'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the resolved settings and where each came from (secrets masked)'
complete -c ims -n "__fish_ims_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -f -a "status" -d 'Which identity, project, endpoint and expiry the cache holds'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -f -a "login" -d 'Sign in to Keystone now and cache the token'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -f -a "logout" -d 'Remove the cached token of the selected identity'
complete -c ims -n "__fish_ims_using_subcommand auth; and not __fish_seen_subcommand_from status login logout help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from login" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l all -d 'Remove every cached token'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from logout" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "status" -d 'Which identity, project, endpoint and expiry the cache holds'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "login" -d 'Sign in to Keystone now and cache the token'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "logout" -d 'Remove the cached token of the selected identity'
complete -c ims -n "__fish_ims_using_subcommand auth; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand completions" -s p -l profile -d 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]' -r -f -a "(ims __complete profiles 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand completions" -l config -d 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]' -r -F
complete -c ims -n "__fish_ims_using_subcommand completions" -l endpoint -d 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in\'s catalog gives it [env: IMS_ENDPOINT]' -r
complete -c ims -n "__fish_ims_using_subcommand completions" -l token -d 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]' -r
complete -c ims -n "__fish_ims_using_subcommand completions" -l api -d 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]' -r -f -a "v2\t'`/v2/images/{image_id}/members`: OpenStack Glance v2'
v1\t'`/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS'"
complete -c ims -n "__fish_ims_using_subcommand completions" -l sharing-rules -d 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]' -r -f -a "auto\t'Learned from the service\'s answers (its version document) and remembered per endpoint'
glance\t'OpenStack Glance since Ocata: members only on `shared` images'
huawei\t'Huawei Cloud and Open Telekom Cloud IMS: members on private images'"
complete -c ims -n "__fish_ims_using_subcommand completions" -l project-id -d 'This project\'s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token\'s project) [env: IMS_PROJECT_ID]' -r
complete -c ims -n "__fish_ims_using_subcommand completions" -s o -l output -d 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]' -r -f -a "table\t'A table for people'
json\t'The service\'s JSON, pretty-printed'
ndjson\t'One compact JSON object per line, written as each image is read'
ids\t'One ID per line, for xargs'
csv\t'Comma-separated values with a header row, for spreadsheets'
markdown\t'A GitHub-flavoured Markdown table, for a pull-request comment'"
complete -c ims -n "__fish_ims_using_subcommand completions" -l timeout -d 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]' -r
complete -c ims -n "__fish_ims_using_subcommand completions" -l retries -d 'Retries of a transient failure of any command\'s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]' -r
complete -c ims -n "__fish_ims_using_subcommand completions" -l deadline -d 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]' -r
complete -c ims -n "__fish_ims_using_subcommand completions" -l ca-file -d 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]' -r -F
complete -c ims -n "__fish_ims_using_subcommand completions" -l os-cloud -d 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]' -r -f -a "(ims __complete clouds 2>/dev/null)"
complete -c ims -n "__fish_ims_using_subcommand completions" -l insecure -d 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
complete -c ims -n "__fish_ims_using_subcommand completions" -l no-cache -d 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
complete -c ims -n "__fish_ims_using_subcommand completions" -s v -l verbose -d 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
complete -c ims -n "__fish_ims_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c ims -n "__fish_ims_using_subcommand completions" -s V -l version -d 'Print version'
complete -c ims -n "__fish_ims_using_subcommand help; and not __fish_seen_subcommand_from member image share profile auth completions help" -f -a "member" -d 'Show, list, add and remove the members images are shared with; accept or reject shares'
complete -c ims -n "__fish_ims_using_subcommand help; and not __fish_seen_subcommand_from member image share profile auth completions help" -f -a "image" -d 'List the images this project shares, or those shared with it'
complete -c ims -n "__fish_ims_using_subcommand help; and not __fish_seen_subcommand_from member image share profile auth completions help" -f -a "share" -d 'Desired sharing from a file (shares.toml): plan, check and apply it, or export today\'s sharing as one'
complete -c ims -n "__fish_ims_using_subcommand help; and not __fish_seen_subcommand_from member image share profile auth completions help" -f -a "profile" -d 'Inspect the config file\'s profiles and the resolved settings'
complete -c ims -n "__fish_ims_using_subcommand help; and not __fish_seen_subcommand_from member image share profile auth completions help" -f -a "auth" -d 'The cached Keystone token of the selected identity (never printed)'
complete -c ims -n "__fish_ims_using_subcommand help; and not __fish_seen_subcommand_from member image share profile auth completions help" -f -a "completions" -d 'Print a shell completion script'
complete -c ims -n "__fish_ims_using_subcommand help; and not __fish_seen_subcommand_from member image share profile auth completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "show" -d 'Show one member of an image'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "list" -d 'List the members of one or more images'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "add" -d 'Share images with members (owner side)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "remove" -d 'Stop sharing images with members (owner side); asks first on a terminal'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "accept" -d 'Accept images shared with this project (member side)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "reject" -d 'Reject images shared with this project (member side)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from image" -f -a "list" -d 'List this project\'s shared images (--shared, the default) or the images other projects share with it (--incoming), every page'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from share" -f -a "plan" -d 'Show what apply would change (exit 0)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from share" -f -a "check" -d 'The same as plan, but exit 10 when anything differs (drift)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from share" -f -a "apply" -d 'Change the cloud to match the file: visibility, add, accept (with the member\'s own profile, from [consumers]), remove (with prune); asks first before removals'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from share" -f -a "export" -d 'Print today\'s sharing of images as a shares file (default: every image this project shares)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List the profiles in the config file; the default one is marked'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show the resolved settings and where each came from (secrets masked)'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "status" -d 'Which identity, project, endpoint and expiry the cache holds'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "login" -d 'Sign in to Keystone now and cache the token'
complete -c ims -n "__fish_ims_using_subcommand help; and __fish_seen_subcommand_from auth" -f -a "logout" -d 'Remove the cached token of the selected identity'
