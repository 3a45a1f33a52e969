//! Command-line grammar: every flag with its doc, and the typed values flags parse into
//! ([`Timeout`], [`Retries`], [`Deadline`]) with their defaults, defined once here and shown in the help
//! from there. No other logic lives here; `settings` turns these values into resolved
//! settings (flag > environment > profile > default).

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::error::EXIT_STATUSES;

/// Image-sharing members of Huawei Cloud IMS, Open Telekom Cloud IMS and OpenStack Glance v2.
#[derive(Debug, Parser)]
#[command(name = "ims", version, about, propagate_version = true)]
pub(crate) struct Cli {
    /// Settings shared by every command.
    #[command(flatten)]
    pub(crate) global: GlobalArgs,

    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// What a subcommand's help says of the global options it does not list.
pub(crate) const GLOBALS_HINT: &str = "Global options (-p/--profile, -o/--output, \
--endpoint, --project-id, -v and more) go before or after the subcommand: see `ims --help`.";

/// The command line as `ims` parses it and shows its help: [`Cli`], where each
/// subcommand's `--help` lists its own options only and points to `ims --help` for the
/// global ones (which it still takes, before or after it).
pub(crate) fn command() -> clap::Command {
    let root = <Cli as clap::CommandFactory>::command();
    let globals: Vec<clap::Arg> = root
        .get_arguments()
        .filter(|arg| arg.is_global_set())
        .cloned()
        .collect();
    let codes: Vec<String> = EXIT_STATUSES
        .iter()
        .map(|status| format!("{} {}", status.code, status.short))
        .collect();
    let table: Vec<String> = EXIT_STATUSES
        .iter()
        .map(|status| format!("  {:>2}  {}", status.code, status.meaning))
        .collect();
    let precedence = "Settings come from flags, then IMS_* environment variables, then the \
                      config file's profile, then defaults.";
    root.after_help(format!("{precedence} Exit codes: {}.", codes.join(", ")))
        .after_long_help(format!("{precedence}\n\nExit codes:\n{}", table.join("\n")))
        .mut_subcommands(|sub| with_globals_hidden(sub, &globals))
}

/// `command` and its subcommands with a hidden copy of each global option (clap then
/// propagates none: the copy is parsed the same) and [`GLOBALS_HINT`] after their help.
fn with_globals_hidden(command: clap::Command, globals: &[clap::Arg]) -> clap::Command {
    globals
        .iter()
        .fold(command, |command, arg| command.arg(arg.clone().hide(true)))
        .after_help(GLOBALS_HINT)
        .mut_subcommands(|sub| with_globals_hidden(sub, globals))
}

/// Parses `args` (the program name first) as `ims` does.
pub(crate) fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command().try_get_matches_from(args)?;
    <Cli as clap::FromArgMatches>::from_arg_matches(&matches)
}

/// Options accepted before or after any subcommand. Each one that is a setting takes its
/// flag and help (the `[env: …]` and `[default: …]` included) from its [`Setting`]; the
/// explicit `help` overrides the field's doc comment.
#[derive(Debug, Default, Args)]
#[command(next_help_heading = "Global options")]
pub(crate) struct GlobalArgs {
    /// The setting [`Setting::PROFILE`]; its help is generated from it.
    #[arg(short, long = Setting::PROFILE.long(), help = Setting::PROFILE.help(),
          global = true, value_name = "NAME")]
    pub(crate) profile: Option<String>,

    /// The setting [`Setting::CONFIG`]; its help is generated from it.
    #[arg(long = Setting::CONFIG.long(), help = Setting::CONFIG.help(),
          global = true, value_name = "PATH")]
    pub(crate) config: Option<PathBuf>,

    /// The setting [`Setting::ENDPOINT`]; its help is generated from it.
    #[arg(long = Setting::ENDPOINT.long(), help = Setting::ENDPOINT.help(),
          global = true, value_name = "URL")]
    pub(crate) endpoint: Option<String>,

    /// The setting [`Setting::TOKEN`]; its help is generated from it.
    #[arg(long = Setting::TOKEN.long(), help = Setting::TOKEN.help(),
          global = true, value_name = "TOKEN")]
    pub(crate) token: Option<String>,

    /// The setting [`Setting::API`]; its help is generated from it.
    #[arg(long = Setting::API.long(), help = Setting::API.help(),
          global = true, value_enum, value_name = "API")]
    pub(crate) api: Option<Api>,

    /// The setting [`Setting::SHARING_RULES`]; its help is generated from it.
    #[arg(long = Setting::SHARING_RULES.long(), help = Setting::SHARING_RULES.help(),
          global = true, value_enum, value_name = "RULES")]
    pub(crate) sharing_rules: Option<RulesSetting>,

    /// The setting [`Setting::PROJECT_ID`]; its help is generated from it.
    #[arg(long = Setting::PROJECT_ID.long(), help = Setting::PROJECT_ID.help(),
          global = true, value_name = "ID")]
    pub(crate) project_id: Option<String>,

    /// The setting [`Setting::OUTPUT`]; its help is generated from it.
    #[arg(short, long = Setting::OUTPUT.long(), help = Setting::OUTPUT.help(),
          global = true, value_enum, value_name = "FORMAT")]
    pub(crate) output: Option<OutputFormat>,

    /// The setting [`Setting::TIMEOUT`]; its help is generated from it.
    #[arg(long = Setting::TIMEOUT.long(), help = Setting::TIMEOUT.help(),
          global = true, value_name = "SECS", value_parser = Timeout::parse)]
    pub(crate) timeout: Option<Timeout>,

    /// The setting [`Setting::RETRIES`]; its help is generated from it.
    #[arg(long = Setting::RETRIES.long(), help = Setting::RETRIES.help(),
          global = true, value_name = "N", value_parser = Retries::parse)]
    pub(crate) retries: Option<Retries>,

    /// The setting [`Setting::DEADLINE`]; its help is generated from it.
    #[arg(long = Setting::DEADLINE.long(), help = Setting::DEADLINE.help(),
          global = true, value_name = "SECS", value_parser = Deadline::parse)]
    pub(crate) deadline: Option<Deadline>,

    /// The setting [`Setting::CA_FILE`]; its help is generated from it.
    #[arg(long = Setting::CA_FILE.long(), help = Setting::CA_FILE.help(),
          global = true, value_name = "PATH")]
    pub(crate) ca_file: Option<PathBuf>,

    /// The setting [`Setting::INSECURE`]; its help is generated from it.
    #[arg(long = Setting::INSECURE.long(), help = Setting::INSECURE.help(), global = true)]
    pub(crate) insecure: bool,

    /// The setting [`Setting::OS_CLOUD`]; its help is generated from it.
    #[arg(long = Setting::OS_CLOUD.long(), help = Setting::OS_CLOUD.help(),
          global = true, value_name = "NAME")]
    pub(crate) os_cloud: Option<String>,

    /// The setting [`Setting::NO_CACHE`]; its help is generated from it.
    #[arg(long = Setting::NO_CACHE.long(), help = Setting::NO_CACHE.help(), global = true)]
    pub(crate) no_cache: bool,

    /// Trace each HTTP request of any command on stderr (-vv adds headers); secrets are
    /// masked
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub(crate) verbose: u8,
}

/// A setting, declared once: its flag, environment variables and profile key, its default
/// and what it does. The help of [`GlobalArgs`] is generated from it, the resolution
/// (flag > environment > profile > default) reads its names from it, and `profile show`
/// names its rows after it.
#[derive(Debug)]
pub(crate) struct Setting {
    /// The name `profile show` gives it, and the OpenStack layer's key for it.
    pub(crate) name: &'static str,
    /// The long flag, e.g. `--endpoint`; none for a setting of the environment only.
    pub(crate) flag: Option<&'static str>,
    /// The environment variables, the one that wins first.
    pub(crate) env: &'static [&'static str],
    /// The key of a config-file profile that sets it, if one may.
    pub(crate) key: Option<&'static str>,
    /// Whether the flag takes no value (a switch the variable turns on with `1`).
    pub(crate) switch: bool,
    /// Whether a cloud of clouds.yaml or an `OS_*` variable may set it too (under
    /// [`Setting::name`]), after the profile.
    pub(crate) cloud: bool,
    /// The default, as the help shows it; none when there is nothing to say.
    pub(crate) default: Option<&'static str>,
    /// What it is, as the help's sentence.
    pub(crate) about: &'static str,
}

impl Setting {
    /// A setting with a flag that takes a value: name, flag, variables, profile key.
    const fn valued(
        name: &'static str,
        flag: &'static str,
        env: &'static [&'static str],
        key: Option<&'static str>,
        about: &'static str,
    ) -> Setting {
        Setting {
            name,
            flag: Some(flag),
            env,
            key,
            switch: false,
            cloud: false,
            default: None,
            about,
        }
    }

    /// This setting with `default` shown in the help.
    const fn or(self, default: &'static str) -> Setting {
        Setting {
            default: Some(default),
            ..self
        }
    }

    /// This setting, which a cloud or an `OS_*` variable may set too.
    const fn or_cloud(self) -> Setting {
        Setting {
            cloud: true,
            ..self
        }
    }

    /// `--profile`.
    pub(crate) const PROFILE: Setting = Setting::valued(
        "profile",
        "--profile",
        &["IMS_PROFILE"],
        None,
        "Profile of the config file whose endpoint, credential and project every command that \
         calls the cloud uses",
    );
    /// `--config`.
    pub(crate) const CONFIG: Setting = Setting::valued(
        "config",
        "--config",
        &["IMS_CONFIG"],
        None,
        "Config file with the \
         profiles (read by every command that calls the cloud, and by profile)",
    )
    .or("~/.config/ims/config.toml");
    /// `--endpoint`.
    pub(crate) const ENDPOINT: Setting = Setting::valued(
        "endpoint",
        "--endpoint",
        &["IMS_ENDPOINT"],
        Some("endpoint"),
        "Image service endpoint, e.g. https://ims.eu-de.otc.t-systems.com: every command that \
         calls the cloud needs one, unless a Keystone sign-in's catalog gives it",
    )
    .or_cloud();
    /// `--token` (a profile may also give `token_file` or `token_command`).
    pub(crate) const TOKEN: Setting = Setting::valued(
        "token",
        "--token",
        &["IMS_TOKEN"],
        Some("token"),
        "Auth token sent as X-Auth-Token: every command that calls the cloud needs a \
         credential (this, AK/SK signing or a Keystone sign-in)",
    );
    /// The access key of AK/SK signing, never a flag.
    pub(crate) const ACCESS_KEY: Setting = Setting {
        flag: None,
        ..Setting::valued(
            "access_key",
            "",
            &["IMS_ACCESS_KEY", "HUAWEICLOUD_SDK_AK"],
            Some("access_key"),
            "AK/SK signing: the access key ID",
        )
    };
    /// The secret key of AK/SK signing, never a flag.
    pub(crate) const SECRET_KEY: Setting = Setting {
        flag: None,
        ..Setting::valued(
            "secret_key",
            "",
            &["IMS_SECRET_KEY", "HUAWEICLOUD_SDK_SK"],
            Some("secret_key"),
            "AK/SK signing: the secret key",
        )
    };
    /// The security token of temporary AK/SK credentials, never a flag.
    pub(crate) const SECURITY_TOKEN: Setting = Setting {
        flag: None,
        ..Setting::valued(
            "security_token",
            "",
            &["IMS_SECURITY_TOKEN", "HUAWEICLOUD_SDK_SECURITY_TOKEN"],
            Some("security_token"),
            "AK/SK signing: the security token of temporary credentials",
        )
    };
    /// `--api`.
    pub(crate) const API: Setting = Setting::valued(
        "api",
        "--api",
        &["IMS_API"],
        Some("api"),
        "Which member API every command that calls the cloud speaks: v2 (OpenStack Glance, \
         also on Huawei Cloud and Open Telekom Cloud) or v1 (Huawei Cloud IMS, with \
         organization shares)",
    )
    .or("v2");
    /// `--sharing-rules`.
    pub(crate) const SHARING_RULES: Setting = Setting::valued(
        "sharing_rules",
        "--sharing-rules",
        &["IMS_SHARING_RULES"],
        Some("sharing_rules"),
        "Which sharing rules the image service follows, for image list, member list --all and \
         every share command (auto: learned from the service); --api v1 is always huawei",
    )
    .or("auto");
    /// `--project-id`.
    pub(crate) const PROJECT_ID: Setting = Setting::valued(
        "project_id",
        "--project-id",
        &["IMS_PROJECT_ID"],
        Some("project_id"),
        "This project's ID: needed by image list, member list --all, member accept|reject, \
         share, --api v1 and AK/SK signing (a Keystone sign-in gives its token's project)",
    )
    .or_cloud();
    /// `--output`.
    pub(crate) const OUTPUT: Setting = Setting::valued(
        "output",
        "--output",
        &["IMS_OUTPUT"],
        Some("output"),
        "Output format of every command that prints records",
    )
    .or("table");
    /// `--timeout`; the default is [`Timeout::DEFAULT`].
    pub(crate) const TIMEOUT: Setting = Setting::valued(
        "timeout",
        "--timeout",
        &["IMS_TIMEOUT"],
        Some("timeout"),
        "Seconds each HTTP request of any command may take, connect and read included",
    )
    .or("30");
    /// `--retries`; the default is [`Retries::DEFAULT`].
    pub(crate) const RETRIES: Setting = Setting::valued(
        "retries",
        "--retries",
        &["IMS_RETRIES"],
        Some("retries"),
        "Retries of a transient failure of any command's request: connect error, 429, 502, \
         503, 504",
    )
    .or("3");
    /// `--deadline`.
    pub(crate) const DEADLINE: Setting = Setting::valued(
        "deadline",
        "--deadline",
        &["IMS_DEADLINE"],
        Some("deadline"),
        "Seconds the whole command may take, retries and paging included: no retry wait ends \
         after it and no request starts after it (for scripts and cron jobs)",
    )
    .or("none");
    /// `--ca-file`.
    pub(crate) const CA_FILE: Setting = Setting::valued(
        "ca_file",
        "--ca-file",
        &["IMS_CA_FILE"],
        Some("ca_file"),
        "PEM bundle of extra trusted CA certificates, for an https endpoint or Keystone \
         signed by a private CA",
    )
    .or_cloud();
    /// `--insecure`: a flag and a profile key, no variable.
    pub(crate) const INSECURE: Setting = Setting {
        switch: true,
        cloud: true,
        ..Setting::valued(
            "insecure",
            "--insecure",
            &[],
            Some("insecure"),
            "Do not verify the https certificate of the endpoint or Keystone (warns every time; \
             for tests only)",
        )
    };
    /// `--os-cloud`.
    pub(crate) const OS_CLOUD: Setting = Setting::valued(
        "cloud",
        "--os-cloud",
        &["OS_CLOUD"],
        Some("cloud"),
        "Sign in to Keystone with this cloud of clouds.yaml (+ secure.yaml): OpenStack users \
         instead of --token",
    );
    /// `--no-cache`: a flag and a variable, no profile key.
    pub(crate) const NO_CACHE: Setting = Setting {
        switch: true,
        ..Setting::valued(
            "no_cache",
            "--no-cache",
            &["IMS_NO_CACHE"],
            None,
            "Neither read nor write the Keystone token cache (Keystone sign-in only)",
        )
    };

    /// Every setting.
    #[cfg(test)]
    pub(crate) const ALL: [&Setting; 18] = [
        &Setting::CONFIG,
        &Setting::PROFILE,
        &Setting::OS_CLOUD,
        &Setting::ENDPOINT,
        &Setting::API,
        &Setting::SHARING_RULES,
        &Setting::PROJECT_ID,
        &Setting::TOKEN,
        &Setting::ACCESS_KEY,
        &Setting::SECRET_KEY,
        &Setting::SECURITY_TOKEN,
        &Setting::OUTPUT,
        &Setting::TIMEOUT,
        &Setting::RETRIES,
        &Setting::DEADLINE,
        &Setting::CA_FILE,
        &Setting::INSECURE,
        &Setting::NO_CACHE,
    ];

    /// The flag's long name for clap, without the dashes.
    pub(crate) fn long(&self) -> Option<&'static str> {
        self.flag.map(|flag| flag.trim_start_matches('-'))
    }

    /// The help line: what it is, then `[env: …]` and `[default: …]` when it has them.
    pub(crate) fn help(&self) -> String {
        let mut help = self.about.to_string();
        let on = if self.switch { "=1" } else { "" };
        for var in self.env {
            help.push_str(&format!(" [env: {var}{on}]"));
        }
        if let Some(default) = self.default {
            help.push_str(&format!(" [default: {default}]"));
        }
        help
    }
}

/// How results are written to stdout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum OutputFormat {
    /// A table for people
    Table,
    /// The service's JSON, pretty-printed
    Json,
    /// One compact JSON object per line, written as each image is read
    Ndjson,
    /// One ID per line, for xargs
    Ids,
    /// Comma-separated values with a header row, for spreadsheets
    Csv,
    /// A GitHub-flavoured Markdown table, for a pull-request comment
    Markdown,
}

/// The format's name as on the command line: `table`, `ndjson`...
impl std::fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.to_possible_value() {
            Some(value) => f.write_str(value.get_name()),
            None => Ok(()),
        }
    }
}

/// The names the values of `T` are written as on the command line, comma-separated
/// (`table, json, ndjson, ids, csv, markdown`).
pub(crate) fn value_names<T: ValueEnum>() -> String {
    T::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|value| value.get_name().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The member API to call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Api {
    /// `/v2/images/{image_id}/members`: OpenStack Glance v2
    V2,
    /// `/v1/{project_id}/cloudimages/{image_id}/members`: Huawei Cloud IMS
    V1,
}

/// The sharing rules the settings state (`--sharing-rules`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum RulesSetting {
    /// Learned from the service's answers (its version document) and remembered per endpoint
    Auto,
    /// OpenStack Glance since Ocata: members only on `shared` images
    Glance,
    /// Huawei Cloud and Open Telekom Cloud IMS: members on private images
    Huawei,
}

/// The top-level commands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Show, list, add and remove the members images are shared with; accept or reject
    /// shares
    #[command(subcommand)]
    Member(MemberCommand),
    /// List the images this project shares, or those shared with it
    #[command(subcommand)]
    Image(ImageCommand),
    /// Desired sharing from a file (shares.toml): plan, check and apply it, or export
    /// today's sharing as one
    #[command(subcommand)]
    Share(ShareCommand),
    /// Inspect the config file's profiles and the resolved settings
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// The cached Keystone token of the selected identity (never printed)
    #[command(subcommand)]
    Auth(AuthCommand),
    /// Print a shell completion script
    Completions {
        /// The shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `ims member ...`
#[derive(Debug, Subcommand)]
pub(crate) enum MemberCommand {
    /// Show one member of an image
    Show {
        /// The image's ID
        image_id: String,
        /// The member's ID (a project ID)
        member_id: String,
    },
    /// List the members of one or more images
    List(ListArgs),
    /// Share images with members (owner side)
    Add(AddArgs),
    /// Stop sharing images with members (owner side); asks first on a terminal
    Remove(RemoveArgs),
    /// Accept images shared with this project (member side)
    Accept(AnswerArgs),
    /// Reject images shared with this project (member side)
    Reject(AnswerArgs),
}

/// `--jobs`' default: how many requests a command has under way at once.
pub(crate) const DEFAULT_JOBS: u16 = 8;

/// The most `--jobs` takes.
pub(crate) const MAX_JOBS: u16 = 256;

/// The parser of every `--jobs`: 1 to [`MAX_JOBS`].
fn jobs() -> clap::builder::RangedI64ValueParser<u16> {
    clap::value_parser!(u16).range(1..=i64::from(MAX_JOBS))
}

/// Options every share change takes.
#[derive(Debug, Args)]
pub(crate) struct ChangeArgs {
    /// Print each request that would change something (METHOD URL BODY) and send none
    #[arg(long)]
    pub(crate) dry_run: bool,

    /// How many changes to send at once
    #[arg(short, long, default_value_t = DEFAULT_JOBS, value_parser = jobs())]
    pub(crate) jobs: u16,
}

/// The images and members an owner's share change is about.
#[derive(Debug, Args)]
pub(crate) struct SharePairs {
    /// The image's ID; `-` reads image IDs from stdin (one per line or whitespace-separated)
    #[arg(value_name = "IMAGE_ID")]
    pub(crate) image_id: String,

    /// The members (project IDs; domain IDs or organization URNs with --member-type)
    #[arg(required = true, value_name = "MEMBER_ID")]
    pub(crate) member_ids: Vec<String>,

    /// What the members are (Huawei's v1 API only) [default: project]
    #[arg(long, value_enum)]
    pub(crate) member_type: Option<MemberType>,
}

/// Arguments of `ims member add`.
#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    /// Images and members.
    #[command(flatten)]
    pub(crate) pairs: SharePairs,

    /// Dry run and concurrency.
    #[command(flatten)]
    pub(crate) change: ChangeArgs,
}

/// Arguments of `ims member remove`.
#[derive(Debug, Args)]
pub(crate) struct RemoveArgs {
    /// Images and members.
    #[command(flatten)]
    pub(crate) pairs: SharePairs,

    /// Remove without asking (needed when not on a terminal)
    #[arg(short, long)]
    pub(crate) yes: bool,

    /// Dry run and concurrency.
    #[command(flatten)]
    pub(crate) change: ChangeArgs,
}

/// Arguments of `ims member accept|reject`.
#[derive(Debug, Args)]
pub(crate) struct AnswerArgs {
    /// Images shared with this project; `-` reads more IDs from stdin
    #[arg(required = true, value_name = "IMAGE_ID")]
    pub(crate) image_ids: Vec<String>,

    /// The vault (CBR) of this project to hold full-ECS images made from a CBR backup;
    /// Huawei's v1 API only, needed to accept such images
    #[arg(long, value_name = "ID")]
    pub(crate) vault_id: Option<String>,

    /// Dry run and concurrency.
    #[command(flatten)]
    pub(crate) change: ChangeArgs,
}

/// What a member of Huawei's v1 batch API is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub(crate) enum MemberType {
    /// A project (tenant) ID
    Project,
    /// An account (domain) ID
    Domain,
    /// An organization, as its URN
    Organization,
}

/// Arguments of `ims member list`: image IDs or `--all`, exactly one of the two (a missing
/// one is named as `<IMAGE_ID>...|--all`).
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("images").required(true).args(["image_ids", "all"])))]
#[command(override_usage = "ims member list [OPTIONS] <IMAGE_ID>...|--all")]
pub(crate) struct ListArgs {
    /// Image IDs; `-` reads more IDs from stdin (one per line or whitespace-separated)
    #[arg(value_name = "IMAGE_ID")]
    pub(crate) image_ids: Vec<String>,

    /// The members of every image this project shares (`image list --shared`)
    #[arg(long, conflicts_with = "image_ids")]
    pub(crate) all: bool,

    /// Only members with this status
    #[arg(long, value_enum, default_value_t = StatusFilter::All)]
    pub(crate) status: StatusFilter,

    /// How many images to fetch at once
    #[arg(short, long, default_value_t = DEFAULT_JOBS, value_parser = jobs())]
    pub(crate) jobs: u16,

    /// Page size asked of the service (1-1000); every page is fetched either way
    /// [default: the service's]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub(crate) limit: Option<u16>,
}

/// `ims share ...`
#[derive(Debug, Subcommand)]
pub(crate) enum ShareCommand {
    /// Show what apply would change (exit 0)
    Plan(SharePlanArgs),
    /// The same as plan, but exit 10 when anything differs (drift)
    Check(ShareArgs),
    /// Change the cloud to match the file: visibility, add, accept (with the member's own
    /// profile, from [consumers]), remove (with prune); asks first before removals
    Apply(ShareApplyArgs),
    /// Print today's sharing of images as a shares file (default: every image this
    /// project shares)
    Export(ShareExportArgs),
}

/// The shares file and how to read the cloud against it.
#[derive(Debug, Args)]
pub(crate) struct ShareArgs {
    /// The shares file; `-` reads it from stdin
    #[arg(short, long, value_name = "FILE", default_value = "shares.toml")]
    pub(crate) file: PathBuf,

    /// Remove members the file does not name (as `prune = true` in the file does)
    #[arg(long)]
    pub(crate) prune: bool,

    /// How many requests to send at once
    #[arg(short, long, default_value_t = DEFAULT_JOBS, value_parser = jobs())]
    pub(crate) jobs: u16,

    /// Note a share whose `until` is within this many days
    #[arg(long, value_name = "N", default_value_t = 14)]
    pub(crate) warn_days: u32,
}

/// Arguments of `ims share plan`.
#[derive(Debug, Args)]
pub(crate) struct SharePlanArgs {
    /// The file, prune and concurrency.
    #[command(flatten)]
    pub(crate) share: ShareArgs,

    /// Also write the plan, with what it was made from, to this JSON file, for `share
    /// apply --plan` (a reviewed plan applied exactly)
    #[arg(long, value_name = "PLAN")]
    pub(crate) out: Option<PathBuf>,
}

/// Arguments of `ims share apply`.
#[derive(Debug, Args)]
pub(crate) struct ShareApplyArgs {
    /// The file, prune and concurrency.
    #[command(flatten)]
    pub(crate) share: ShareArgs,

    /// Apply exactly this saved plan (`share plan --out`) instead of a file: nothing is
    /// sent, exit 11, when the cloud differs from what it was made on
    #[arg(long, value_name = "PLAN", conflicts_with_all = ["file", "prune"])]
    pub(crate) plan: Option<PathBuf>,

    /// Apply removals without asking (needed when not on a terminal)
    #[arg(short, long)]
    pub(crate) yes: bool,

    /// Print each request that would change something (METHOD URL BODY), the consumers'
    /// too, and send none
    #[arg(long)]
    pub(crate) dry_run: bool,
}

/// Arguments of `ims share export`.
#[derive(Debug, Args)]
pub(crate) struct ShareExportArgs {
    /// Image IDs; `-` reads more IDs from stdin [default: every image this project shares]
    #[arg(value_name = "IMAGE_ID")]
    pub(crate) image_ids: Vec<String>,

    /// How many images to read at once
    #[arg(short, long, default_value_t = DEFAULT_JOBS, value_parser = jobs())]
    pub(crate) jobs: u16,
}

/// `ims image ...`
#[derive(Debug, Subcommand)]
pub(crate) enum ImageCommand {
    /// List this project's shared images (--shared, the default) or the images other
    /// projects share with it (--incoming), every page
    List(ImageListArgs),
}

/// Arguments of `ims image list`.
#[derive(Debug, Args)]
pub(crate) struct ImageListArgs {
    /// Images this project owns and shares (the default)
    #[arg(long, conflicts_with = "incoming")]
    pub(crate) shared: bool,

    /// Images other projects share with this project, with this project's member status
    #[arg(long)]
    pub(crate) incoming: bool,

    /// With --incoming: only images where this project's membership has this status
    /// [default: all]
    #[arg(long, value_enum, requires = "incoming")]
    pub(crate) status: Option<StatusFilter>,

    /// Page size asked of the service (1-1000) [default: 1000 on v2, 500 on v1]; every
    /// page is fetched either way
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
    pub(crate) limit: Option<u16>,
}

/// The `--status` filter of `member list` and `image list --incoming`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum StatusFilter {
    /// Shared and accepted by the member
    Accepted,
    /// Shared, not yet answered
    Pending,
    /// Shared and declined by the member
    Rejected,
    /// Every member
    All,
}

/// `ims auth ...`
#[derive(Debug, Subcommand)]
pub(crate) enum AuthCommand {
    /// Which identity, project, endpoint and expiry the cache holds
    Status,
    /// Sign in to Keystone now and cache the token
    Login,
    /// Remove the cached token of the selected identity
    Logout {
        /// Remove every cached token
        #[arg(long)]
        all: bool,
    },
}

/// `ims profile ...`
#[derive(Debug, Subcommand)]
pub(crate) enum ProfileCommand {
    /// List the profiles in the config file; the default one is marked
    List,
    /// Show the resolved settings and where each came from (secrets masked)
    Show {
        /// Profile to show [default: the selected profile]
        name: Option<String>,
    },
}

/// The time one HTTP request may take, connect and read included; parsed once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Timeout(pub(crate) Duration);

impl Timeout {
    /// 30 seconds.
    pub(crate) const DEFAULT: Timeout = Timeout(Duration::from_secs(30));

    /// Parses a positive number of seconds, fractions allowed, up to a day.
    pub(crate) fn parse(text: &str) -> Result<Timeout, String> {
        match text.trim().parse::<f64>() {
            Ok(secs) if secs.is_finite() && secs > 0.0 && secs <= 86_400.0 => {
                Ok(Timeout(Duration::from_secs_f64(secs)))
            }
            _ => Err(format!(
                "`{text}` is not a number of seconds between 0 and 86400"
            )),
        }
    }
}

impl fmt::Display for Timeout {
    /// Seconds, as a user writes them (`30`, `2.5`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}

/// How many times a transient failure is retried (0 to 10); parsed once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Retries(pub(crate) u8);

impl Retries {
    /// Three retries.
    pub(crate) const DEFAULT: Retries = Retries(3);

    /// Parses 0 to 10.
    pub(crate) fn parse(text: &str) -> Result<Retries, String> {
        match text.trim().parse::<u8>() {
            Ok(n) if n <= 10 => Ok(Retries(n)),
            _ => Err(format!("`{text}` is not a number of retries from 0 to 10")),
        }
    }
}

/// The time a whole command may take, retries and paging included; parsed once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Deadline(pub(crate) Duration);

impl Deadline {
    /// Parses a positive number of seconds, fractions allowed, up to a day.
    pub(crate) fn parse(text: &str) -> Result<Deadline, String> {
        Timeout::parse(text).map(|Timeout(limit)| Deadline(limit))
    }
}

impl fmt::Display for Deadline {
    /// Seconds, as a user writes them (`90`, `0.5`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.as_secs_f64())
    }
}

impl fmt::Display for Retries {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    /// The help `ims ARGS --help` prints.
    fn help_of(args: &[&str]) -> String {
        let args = std::iter::once("ims")
            .chain(args.iter().copied())
            .chain(["--help"]);
        match try_parse_from(args) {
            Err(err) if err.kind() == clap::error::ErrorKind::DisplayHelp => err.to_string(),
            other => panic!("no help: {other:?}"),
        }
    }

    #[test]
    fn a_subcommands_help_lists_its_own_options_and_points_to_ims_help_for_the_global_ones() {
        for args in [
            &["member"][..],
            &["share"],
            &["member", "list"],
            &["share", "apply"],
        ] {
            let help = help_of(args);
            assert!(!help.contains("Global options:"), "{args:?}: {help}");
            assert!(!help.contains("--endpoint <URL>"), "{args:?}: {help}");
            let words = help.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(words.ends_with(GLOBALS_HINT), "{args:?}: {help}");
            assert!(
                help.lines().count() <= 40,
                "{args:?}: {} lines",
                help.lines().count()
            );
        }
        assert!(help_of(&["share", "apply"]).contains("--dry-run"));
        let root = help_of(&[]);
        assert!(root.contains("Global options:") && root.contains("--endpoint <URL>"));
        // Still taken after the subcommand, and given to the command.
        let cli = try_parse_from(["ims", "member", "list", "i", "-p", "x", "-o", "ids"]).unwrap();
        assert_eq!(cli.global.profile.as_deref(), Some("x"));
        assert_eq!(cli.global.output, Some(OutputFormat::Ids));
        let cli = try_parse_from(["ims", "share", "plan", "-vv"]).unwrap();
        assert_eq!(cli.global.verbose, 2);
    }

    #[test]
    fn every_flag_says_who_needs_it() {
        let project = Setting::PROJECT_ID.about;
        for who in [
            "image list",
            "member list --all",
            "share",
            "--api v1",
            "AK/SK",
        ] {
            assert!(project.contains(who), "--project-id: {who}");
        }
        for setting in Setting::ALL.iter().filter(|setting| setting.flag.is_some()) {
            let about = setting.about;
            let says = ["command", "Keystone", "https", "project", "every", "any"];
            assert!(
                says.iter().any(|word| about.contains(word)),
                "{}: {about}",
                setting.name
            );
        }
    }

    #[test]
    fn every_flag_of_a_setting_has_the_generated_help() {
        let command = Cli::command();
        let mut flags = 0;
        for setting in Setting::ALL {
            let Some(long) = setting.long() else {
                continue;
            };
            let arg = command
                .get_arguments()
                .find(|arg| arg.get_long() == Some(long))
                .unwrap_or_else(|| panic!("no flag --{long}"));
            let help = arg.get_help().map(ToString::to_string);
            assert_eq!(help, Some(setting.help()), "--{long}");
            flags += 1;
        }
        assert_eq!(flags, 15);
        assert_eq!(
            Setting::NO_CACHE.help(),
            "Neither read nor write the Keystone token cache (Keystone sign-in only) \
             [env: IMS_NO_CACHE=1]"
        );
        assert_eq!(
            Setting::TIMEOUT.help(),
            "Seconds each HTTP request of any command may take, connect and read included \
             [env: IMS_TIMEOUT] [default: 30]"
        );
    }

    #[test]
    fn only_the_service_and_tls_settings_may_come_from_a_cloud() {
        let from_cloud: Vec<&str> = Setting::ALL
            .iter()
            .filter(|setting| setting.cloud)
            .map(|setting| setting.name)
            .collect();
        assert_eq!(
            from_cloud,
            ["endpoint", "project_id", "ca_file", "insecure"]
        );
    }

    #[test]
    fn shown_defaults_are_the_defaults_used() {
        assert_eq!(
            Setting::TIMEOUT.default,
            Some(&*Timeout::DEFAULT.to_string())
        );
        assert_eq!(
            Setting::RETRIES.default,
            Some(&*Retries::DEFAULT.to_string())
        );
    }

    #[test]
    fn help_ends_with_every_exit_code() {
        let long = command().render_long_help().to_string();
        assert!(
            long.ends_with(
                "  11  stale plan: `share apply --plan` found the cloud differs from what the \
                 plan was made on\n"
            ),
            "{long}"
        );
        assert!(long.contains("Exit codes:\n   0  success\n   1  unexpected failure\n"));
        let help = command().render_help().to_string();
        let codes = help.split("Exit codes: ").nth(1).unwrap_or_default();
        assert!(
            codes.starts_with("0 ok, 1 unexpected failure, 2 usage, 3 configuration,"),
            "{codes}"
        );
    }

    #[test]
    fn output_formats_are_shown_by_the_names_the_flag_takes() {
        assert_eq!(
            value_names::<OutputFormat>(),
            "table, json, ndjson, ids, csv, markdown"
        );
        for format in OutputFormat::value_variants() {
            let name = format.to_string();
            assert_eq!(OutputFormat::from_str(&name, false), Ok(*format), "{name}");
        }
    }

    #[test]
    fn timeout_accepts_positive_seconds_only() {
        assert_eq!(
            Timeout::parse("2.5"),
            Ok(Timeout(Duration::from_secs_f64(2.5)))
        );
        assert_eq!(Timeout::parse("30"), Ok(Timeout::DEFAULT));
        assert_eq!(Timeout::DEFAULT.to_string(), "30");
        for bad in ["0", "-1", "abc", "", "NaN", "inf", "1e9"] {
            assert!(Timeout::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn deadline_accepts_positive_seconds_only() {
        assert_eq!(
            Deadline::parse("0.5"),
            Ok(Deadline(Duration::from_millis(500)))
        );
        assert_eq!(Deadline(Duration::from_secs(90)).to_string(), "90");
        assert_eq!(
            Deadline::parse("0"),
            Err("`0` is not a number of seconds between 0 and 86400".to_string())
        );
    }
}
