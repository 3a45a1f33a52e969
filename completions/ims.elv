
use builtin;
use str;

set edit:completion:arg-completer[ims] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'ims'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'ims'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand member 'Show, list, add and remove the members images are shared with; accept or reject shares'
            cand image 'List the images this project shares, or those shared with it'
            cand share 'Desired sharing from a file (shares.toml): plan, check and apply it, or export today''s sharing as one'
            cand profile 'Inspect the config file''s profiles and the resolved settings'
            cand auth 'The cached Keystone token of the selected identity (never printed)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;member'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Show one member of an image'
            cand list 'List the members of one or more images'
            cand add 'Share images with members (owner side)'
            cand remove 'Stop sharing images with members (owner side); asks first on a terminal'
            cand accept 'Accept images shared with this project (member side)'
            cand reject 'Reject images shared with this project (member side)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;member;show'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;member;list'= {
            cand --status 'Only members with this status'
            cand -j 'How many images to fetch at once'
            cand --jobs 'How many images to fetch at once'
            cand --limit 'Page size asked of the service (1-1000); every page is fetched either way [default: the service''s]'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --all 'The members of every image this project shares (`image list --shared`)'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;member;add'= {
            cand --member-type 'What the members are (Huawei''s v1 API only) [default: project]'
            cand -j 'How many changes to send at once'
            cand --jobs 'How many changes to send at once'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --dry-run 'Print each request that would change something (METHOD URL BODY) and send none'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;member;remove'= {
            cand --member-type 'What the members are (Huawei''s v1 API only) [default: project]'
            cand -j 'How many changes to send at once'
            cand --jobs 'How many changes to send at once'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand -y 'Remove without asking (needed when not on a terminal)'
            cand --yes 'Remove without asking (needed when not on a terminal)'
            cand --dry-run 'Print each request that would change something (METHOD URL BODY) and send none'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;member;accept'= {
            cand --vault-id 'The vault (CBR) of this project to hold full-ECS images made from a CBR backup; Huawei''s v1 API only, needed to accept such images'
            cand -j 'How many changes to send at once'
            cand --jobs 'How many changes to send at once'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --dry-run 'Print each request that would change something (METHOD URL BODY) and send none'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;member;reject'= {
            cand --vault-id 'The vault (CBR) of this project to hold full-ECS images made from a CBR backup; Huawei''s v1 API only, needed to accept such images'
            cand -j 'How many changes to send at once'
            cand --jobs 'How many changes to send at once'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --dry-run 'Print each request that would change something (METHOD URL BODY) and send none'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;member;help'= {
            cand show 'Show one member of an image'
            cand list 'List the members of one or more images'
            cand add 'Share images with members (owner side)'
            cand remove 'Stop sharing images with members (owner side); asks first on a terminal'
            cand accept 'Accept images shared with this project (member side)'
            cand reject 'Reject images shared with this project (member side)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;member;help;show'= {
        }
        &'ims;member;help;list'= {
        }
        &'ims;member;help;add'= {
        }
        &'ims;member;help;remove'= {
        }
        &'ims;member;help;accept'= {
        }
        &'ims;member;help;reject'= {
        }
        &'ims;member;help;help'= {
        }
        &'ims;image'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List this project''s shared images (--shared, the default) or the images other projects share with it (--incoming), every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;image;list'= {
            cand --status 'With --incoming: only images where this project''s membership has this status [default: all]'
            cand --limit 'Page size asked of the service (1-1000) [default: 1000 on v2, 500 on v1]; every page is fetched either way'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --shared 'Images this project owns and shares (the default)'
            cand --incoming 'Images other projects share with this project, with this project''s member status'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;image;help'= {
            cand list 'List this project''s shared images (--shared, the default) or the images other projects share with it (--incoming), every page'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;image;help;list'= {
        }
        &'ims;image;help;help'= {
        }
        &'ims;share'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand plan 'Show what apply would change (exit 0)'
            cand check 'The same as plan, but exit 10 when anything differs (drift)'
            cand apply 'Change the cloud to match the file: visibility, add, accept (with the member''s own profile, from [consumers]), remove (with prune); asks first before removals'
            cand export 'Print today''s sharing of images as a shares file (default: every image this project shares)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;share;plan'= {
            cand -f 'The shares file; `-` reads it from stdin'
            cand --file 'The shares file; `-` reads it from stdin'
            cand -j 'How many requests to send at once'
            cand --jobs 'How many requests to send at once'
            cand --warn-days 'Note a share whose `until` is within this many days'
            cand --out 'Also write the plan, with what it was made from, to this JSON file, for `share apply --plan` (a reviewed plan applied exactly)'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --prune 'Remove members the file does not name (as `prune = true` in the file does)'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;share;check'= {
            cand -f 'The shares file; `-` reads it from stdin'
            cand --file 'The shares file; `-` reads it from stdin'
            cand -j 'How many requests to send at once'
            cand --jobs 'How many requests to send at once'
            cand --warn-days 'Note a share whose `until` is within this many days'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --prune 'Remove members the file does not name (as `prune = true` in the file does)'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;share;apply'= {
            cand -f 'The shares file; `-` reads it from stdin'
            cand --file 'The shares file; `-` reads it from stdin'
            cand -j 'How many requests to send at once'
            cand --jobs 'How many requests to send at once'
            cand --warn-days 'Note a share whose `until` is within this many days'
            cand --plan 'Apply exactly this saved plan (`share plan --out`) instead of a file: nothing is sent, exit 11, when the cloud differs from what it was made on'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --prune 'Remove members the file does not name (as `prune = true` in the file does)'
            cand -y 'Apply removals without asking (needed when not on a terminal)'
            cand --yes 'Apply removals without asking (needed when not on a terminal)'
            cand --dry-run 'Print each request that would change something (METHOD URL BODY), the consumers'' too, and send none'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;share;export'= {
            cand -j 'How many images to read at once'
            cand --jobs 'How many images to read at once'
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;share;help'= {
            cand plan 'Show what apply would change (exit 0)'
            cand check 'The same as plan, but exit 10 when anything differs (drift)'
            cand apply 'Change the cloud to match the file: visibility, add, accept (with the member''s own profile, from [consumers]), remove (with prune); asks first before removals'
            cand export 'Print today''s sharing of images as a shares file (default: every image this project shares)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;share;help;plan'= {
        }
        &'ims;share;help;check'= {
        }
        &'ims;share;help;apply'= {
        }
        &'ims;share;help;export'= {
        }
        &'ims;share;help;help'= {
        }
        &'ims;profile'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the profiles in the config file; the default one is marked'
            cand show 'Show the resolved settings and where each came from (secrets masked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;profile;list'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;profile;show'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;profile;help'= {
            cand list 'List the profiles in the config file; the default one is marked'
            cand show 'Show the resolved settings and where each came from (secrets masked)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;profile;help;list'= {
        }
        &'ims;profile;help;show'= {
        }
        &'ims;profile;help;help'= {
        }
        &'ims;auth'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand status 'Which identity, project, endpoint and expiry the cache holds'
            cand login 'Sign in to Keystone now and cache the token'
            cand logout 'Remove the cached token of the selected identity'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;auth;status'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;auth;login'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;auth;logout'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --all 'Remove every cached token'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;auth;help'= {
            cand status 'Which identity, project, endpoint and expiry the cache holds'
            cand login 'Sign in to Keystone now and cache the token'
            cand logout 'Remove the cached token of the selected identity'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;auth;help;status'= {
        }
        &'ims;auth;help;login'= {
        }
        &'ims;auth;help;logout'= {
        }
        &'ims;auth;help;help'= {
        }
        &'ims;completions'= {
            cand -p 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --profile 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]'
            cand --config 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]'
            cand --endpoint 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]'
            cand --token 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]'
            cand --api 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]'
            cand --sharing-rules 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]'
            cand --project-id 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]'
            cand -o 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --output 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]'
            cand --timeout 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]'
            cand --retries 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]'
            cand --deadline 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]'
            cand --ca-file 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]'
            cand --os-cloud 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]'
            cand --insecure 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)'
            cand --no-cache 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]'
            cand -v 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand --verbose 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'ims;help'= {
            cand member 'Show, list, add and remove the members images are shared with; accept or reject shares'
            cand image 'List the images this project shares, or those shared with it'
            cand share 'Desired sharing from a file (shares.toml): plan, check and apply it, or export today''s sharing as one'
            cand profile 'Inspect the config file''s profiles and the resolved settings'
            cand auth 'The cached Keystone token of the selected identity (never printed)'
            cand completions 'Print a shell completion script'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'ims;help;member'= {
            cand show 'Show one member of an image'
            cand list 'List the members of one or more images'
            cand add 'Share images with members (owner side)'
            cand remove 'Stop sharing images with members (owner side); asks first on a terminal'
            cand accept 'Accept images shared with this project (member side)'
            cand reject 'Reject images shared with this project (member side)'
        }
        &'ims;help;member;show'= {
        }
        &'ims;help;member;list'= {
        }
        &'ims;help;member;add'= {
        }
        &'ims;help;member;remove'= {
        }
        &'ims;help;member;accept'= {
        }
        &'ims;help;member;reject'= {
        }
        &'ims;help;image'= {
            cand list 'List this project''s shared images (--shared, the default) or the images other projects share with it (--incoming), every page'
        }
        &'ims;help;image;list'= {
        }
        &'ims;help;share'= {
            cand plan 'Show what apply would change (exit 0)'
            cand check 'The same as plan, but exit 10 when anything differs (drift)'
            cand apply 'Change the cloud to match the file: visibility, add, accept (with the member''s own profile, from [consumers]), remove (with prune); asks first before removals'
            cand export 'Print today''s sharing of images as a shares file (default: every image this project shares)'
        }
        &'ims;help;share;plan'= {
        }
        &'ims;help;share;check'= {
        }
        &'ims;help;share;apply'= {
        }
        &'ims;help;share;export'= {
        }
        &'ims;help;profile'= {
            cand list 'List the profiles in the config file; the default one is marked'
            cand show 'Show the resolved settings and where each came from (secrets masked)'
        }
        &'ims;help;profile;list'= {
        }
        &'ims;help;profile;show'= {
        }
        &'ims;help;auth'= {
            cand status 'Which identity, project, endpoint and expiry the cache holds'
            cand login 'Sign in to Keystone now and cache the token'
            cand logout 'Remove the cached token of the selected identity'
        }
        &'ims;help;auth;status'= {
        }
        &'ims;help;auth;login'= {
        }
        &'ims;help;auth;logout'= {
        }
        &'ims;help;completions'= {
        }
        &'ims;help;help'= {
        }
    ]
    $completions[$command]
}
