
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'ims' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'ims'
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
        'ims' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Show, list, add and remove the members images are shared with; accept or reject shares')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'List the images this project shares, or those shared with it')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Desired sharing from a file (shares.toml): plan, check and apply it, or export today''s sharing as one')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Inspect the config file''s profiles and the resolved settings')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'The cached Keystone token of the selected identity (never printed)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;member' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member of an image')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the members of one or more images')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Share images with members (owner side)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop sharing images with members (owner side); asks first on a terminal')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept images shared with this project (member side)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject images shared with this project (member side)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;member;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;member;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only members with this status')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many images to fetch at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many images to fetch at once')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Page size asked of the service (1-1000); every page is fetched either way [default: the service''s]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'The members of every image this project shares (`image list --shared`)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;member;add' {
            [CompletionResult]::new('--member-type', '--member-type', [CompletionResultType]::ParameterName, 'What the members are (Huawei''s v1 API only) [default: project]')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print each request that would change something (METHOD URL BODY) and send none')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;member;remove' {
            [CompletionResult]::new('--member-type', '--member-type', [CompletionResultType]::ParameterName, 'What the members are (Huawei''s v1 API only) [default: project]')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Remove without asking (needed when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Remove without asking (needed when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print each request that would change something (METHOD URL BODY) and send none')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;member;accept' {
            [CompletionResult]::new('--vault-id', '--vault-id', [CompletionResultType]::ParameterName, 'The vault (CBR) of this project to hold full-ECS images made from a CBR backup; Huawei''s v1 API only, needed to accept such images')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print each request that would change something (METHOD URL BODY) and send none')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;member;reject' {
            [CompletionResult]::new('--vault-id', '--vault-id', [CompletionResultType]::ParameterName, 'The vault (CBR) of this project to hold full-ECS images made from a CBR backup; Huawei''s v1 API only, needed to accept such images')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many changes to send at once')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print each request that would change something (METHOD URL BODY) and send none')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;member;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member of an image')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the members of one or more images')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Share images with members (owner side)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop sharing images with members (owner side); asks first on a terminal')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept images shared with this project (member side)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject images shared with this project (member side)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;member;help;show' {
            break
        }
        'ims;member;help;list' {
            break
        }
        'ims;member;help;add' {
            break
        }
        'ims;member;help;remove' {
            break
        }
        'ims;member;help;accept' {
            break
        }
        'ims;member;help;reject' {
            break
        }
        'ims;member;help;help' {
            break
        }
        'ims;image' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List this project''s shared images (--shared, the default) or the images other projects share with it (--incoming), every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;image;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'With --incoming: only images where this project''s membership has this status [default: all]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Page size asked of the service (1-1000) [default: 1000 on v2, 500 on v1]; every page is fetched either way')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--shared', '--shared', [CompletionResultType]::ParameterName, 'Images this project owns and shares (the default)')
            [CompletionResult]::new('--incoming', '--incoming', [CompletionResultType]::ParameterName, 'Images other projects share with this project, with this project''s member status')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;image;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List this project''s shared images (--shared, the default) or the images other projects share with it (--incoming), every page')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;image;help;list' {
            break
        }
        'ims;image;help;help' {
            break
        }
        'ims;share' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what apply would change (exit 0)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The same as plan, but exit 10 when anything differs (drift)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Change the cloud to match the file: visibility, add, accept (with the member''s own profile, from [consumers]), remove (with prune); asks first before removals')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print today''s sharing of images as a shares file (default: every image this project shares)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;share;plan' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The shares file; `-` reads it from stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The shares file; `-` reads it from stdin')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many requests to send at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many requests to send at once')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Note a share whose `until` is within this many days')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Also write the plan, with what it was made from, to this JSON file, for `share apply --plan` (a reviewed plan applied exactly)')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove members the file does not name (as `prune = true` in the file does)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;share;check' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The shares file; `-` reads it from stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The shares file; `-` reads it from stdin')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many requests to send at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many requests to send at once')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Note a share whose `until` is within this many days')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove members the file does not name (as `prune = true` in the file does)')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;share;apply' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The shares file; `-` reads it from stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'The shares file; `-` reads it from stdin')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many requests to send at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many requests to send at once')
            [CompletionResult]::new('--warn-days', '--warn-days', [CompletionResultType]::ParameterName, 'Note a share whose `until` is within this many days')
            [CompletionResult]::new('--plan', '--plan', [CompletionResultType]::ParameterName, 'Apply exactly this saved plan (`share plan --out`) instead of a file: nothing is sent, exit 11, when the cloud differs from what it was made on')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Remove members the file does not name (as `prune = true` in the file does)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Apply removals without asking (needed when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Apply removals without asking (needed when not on a terminal)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print each request that would change something (METHOD URL BODY), the consumers'' too, and send none')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;share;export' {
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'How many images to read at once')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'How many images to read at once')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;share;help' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what apply would change (exit 0)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The same as plan, but exit 10 when anything differs (drift)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Change the cloud to match the file: visibility, add, accept (with the member''s own profile, from [consumers]), remove (with prune); asks first before removals')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print today''s sharing of images as a shares file (default: every image this project shares)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;share;help;plan' {
            break
        }
        'ims;share;help;check' {
            break
        }
        'ims;share;help;apply' {
            break
        }
        'ims;share;help;export' {
            break
        }
        'ims;share;help;help' {
            break
        }
        'ims;profile' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file; the default one is marked')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved settings and where each came from (secrets masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;profile;list' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;profile;show' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;profile;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file; the default one is marked')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved settings and where each came from (secrets masked)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;profile;help;list' {
            break
        }
        'ims;profile;help;show' {
            break
        }
        'ims;profile;help;help' {
            break
        }
        'ims;auth' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Which identity, project, endpoint and expiry the cache holds')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in to Keystone now and cache the token')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the cached token of the selected identity')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;auth;status' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;auth;login' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;auth;logout' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Remove every cached token')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;auth;help' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Which identity, project, endpoint and expiry the cache holds')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in to Keystone now and cache the token')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the cached token of the selected identity')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;auth;help;status' {
            break
        }
        'ims;auth;help;login' {
            break
        }
        'ims;auth;help;logout' {
            break
        }
        'ims;auth;help;help' {
            break
        }
        'ims;completions' {
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the config file whose endpoint, credential and project every command that calls the cloud uses [env: IMS_PROFILE]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file with the profiles (read by every command that calls the cloud, and by profile) [env: IMS_CONFIG] [default: ~/.config/ims/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that calls the cloud needs one, unless a Keystone sign-in''s catalog gives it [env: IMS_ENDPOINT]')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'Auth token sent as X-Auth-Token: every command that calls the cloud needs a credential (this, AK/SK signing or a Keystone sign-in) [env: IMS_TOKEN]')
            [CompletionResult]::new('--api', '--api', [CompletionResultType]::ParameterName, 'Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with organization shares) [env: IMS_API] [default: v2]')
            [CompletionResult]::new('--sharing-rules', '--sharing-rules', [CompletionResultType]::ParameterName, 'Which sharing rules the image service follows, for image list, member list --all and every share command (auto: learned from the service); --api v1 is always huawei [env: IMS_SHARING_RULES] [default: auto]')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'This project''s ID: needed by image list, member list --all, member accept|reject, share, --api v1 and AK/SK signing (a Keystone sign-in gives its token''s project) [env: IMS_PROJECT_ID]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format of every command that prints records [env: IMS_OUTPUT] [default: table]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds each HTTP request of any command may take, connect and read included [env: IMS_TIMEOUT] [default: 30]')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a transient failure of any command''s request: connect error, 429, 502, 503, 504 [env: IMS_RETRIES] [default: 3]')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'Seconds the whole command may take, retries and paging included: no retry wait ends after it and no request starts after it (for scripts and cron jobs) [env: IMS_DEADLINE] [default: none]')
            [CompletionResult]::new('--ca-file', '--ca-file', [CompletionResultType]::ParameterName, 'PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone signed by a private CA [env: IMS_CA_FILE]')
            [CompletionResult]::new('--os-cloud', '--os-cloud', [CompletionResultType]::ParameterName, 'Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users instead of --token [env: OS_CLOUD]')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify the https certificate of the endpoint or Keystone (warns every time; for tests only)')
            [CompletionResult]::new('--no-cache', '--no-cache', [CompletionResultType]::ParameterName, 'Neither read nor write the Keystone token cache (Keystone sign-in only) [env: IMS_NO_CACHE=1]')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace each HTTP request of any command on stderr (-vv adds headers); secrets are masked')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'ims;help' {
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Show, list, add and remove the members images are shared with; accept or reject shares')
            [CompletionResult]::new('image', 'image', [CompletionResultType]::ParameterValue, 'List the images this project shares, or those shared with it')
            [CompletionResult]::new('share', 'share', [CompletionResultType]::ParameterValue, 'Desired sharing from a file (shares.toml): plan, check and apply it, or export today''s sharing as one')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Inspect the config file''s profiles and the resolved settings')
            [CompletionResult]::new('auth', 'auth', [CompletionResultType]::ParameterValue, 'The cached Keystone token of the selected identity (never printed)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'ims;help;member' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one member of an image')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the members of one or more images')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Share images with members (owner side)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop sharing images with members (owner side); asks first on a terminal')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept images shared with this project (member side)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject images shared with this project (member side)')
            break
        }
        'ims;help;member;show' {
            break
        }
        'ims;help;member;list' {
            break
        }
        'ims;help;member;add' {
            break
        }
        'ims;help;member;remove' {
            break
        }
        'ims;help;member;accept' {
            break
        }
        'ims;help;member;reject' {
            break
        }
        'ims;help;image' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List this project''s shared images (--shared, the default) or the images other projects share with it (--incoming), every page')
            break
        }
        'ims;help;image;list' {
            break
        }
        'ims;help;share' {
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what apply would change (exit 0)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'The same as plan, but exit 10 when anything differs (drift)')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Change the cloud to match the file: visibility, add, accept (with the member''s own profile, from [consumers]), remove (with prune); asks first before removals')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print today''s sharing of images as a shares file (default: every image this project shares)')
            break
        }
        'ims;help;share;plan' {
            break
        }
        'ims;help;share;check' {
            break
        }
        'ims;help;share;apply' {
            break
        }
        'ims;help;share;export' {
            break
        }
        'ims;help;profile' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles in the config file; the default one is marked')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the resolved settings and where each came from (secrets masked)')
            break
        }
        'ims;help;profile;list' {
            break
        }
        'ims;help;profile;show' {
            break
        }
        'ims;help;auth' {
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Which identity, project, endpoint and expiry the cache holds')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in to Keystone now and cache the token')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Remove the cached token of the selected identity')
            break
        }
        'ims;help;auth;status' {
            break
        }
        'ims;help;auth;login' {
            break
        }
        'ims;help;auth;logout' {
            break
        }
        'ims;help;completions' {
            break
        }
        'ims;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
