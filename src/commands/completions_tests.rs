//! `ims completions SHELL` run in-process: the script of each shell is the committed one.

use crate::commands::testing::{SCRIPT, ims};

#[test]
fn each_shells_script_is_the_committed_one_and_needs_no_settings() {
    let committed = [
        ("bash", include_str!("../../completions/ims.bash")),
        ("zsh", include_str!("../../completions/_ims")),
        ("fish", include_str!("../../completions/ims.fish")),
        ("powershell", include_str!("../../completions/_ims.ps1")),
        ("elvish", include_str!("../../completions/ims.elv")),
    ];
    for (shell, script) in committed {
        // A broken config file is not read: completions need no setting.
        let env = [
            ("IMS_CONFIG", "/nonexistent/ims.toml"),
            ("IMS_OUTPUT", "nope"),
        ];
        let ran = ims(&["completions", shell], "", SCRIPT, &env);
        assert_eq!(ran.parts(), (0, script, ""), "{shell}");
    }
}
