//! `ims profile list|show`: the profiles of the config file and the default one, and every
//! resolved setting with its source (flag, environment, profile, clouds.yaml, OS_*), with
//! secrets and the arguments of secret commands masked.

use serde_json::{Value, json};

use crate::fixtures::keystone::*;
use crate::util::*;

#[test]
fn profile_list_marks_the_default() {
    let sandbox = Sandbox::new();
    sandbox.config(
        "default_profile = \"otc\"\n[profiles.otc]\nendpoint = \"https://ims.eu-de.otc.t-systems.com\"\ntoken = \"x\"\n[profiles.lab]\n",
    );
    sandbox.ims().args(["profile", "list"]).prints(
        "┌─────────┬─────────┬─────────────────────────────────────┐\n\
             │ Profile ┆ Default ┆ Endpoint                            │\n\
             ╞═════════╪═════════╪═════════════════════════════════════╡\n\
             │ lab     ┆ false   ┆ null                                │\n\
             │ otc     ┆ true    ┆ https://ims.eu-de.otc.t-systems.com │\n\
             └─────────┴─────────┴─────────────────────────────────────┘\n",
    );
    sandbox
        .ims()
        .args(["profile", "list", "-o", "json"])
        .prints("[\n  {\n    \"name\": \"lab\",\n    \"default\": false,\n    \"endpoint\": null\n  },\n  {\n    \"name\": \"otc\",\n    \"default\": true,\n    \"endpoint\": \"https://ims.eu-de.otc.t-systems.com\"\n  }\n]\n");
    sandbox.ims().args(["profile", "list", "-o", "ids"]).prints("lab\notc\n");
}

#[test]
fn profile_list_without_a_file_says_so_and_prints_no_table() {
    let sandbox = Sandbox::new();
    let note = format!(
        "ims: no config file at {}, so no profiles to list\n",
        sandbox.dir.path().join("config/ims/config.toml").display()
    );
    for format in ["table", "json", "ids", "csv"] {
        sandbox.ims().args(["profile", "list", "-o", format]).prints("").stderr(note.clone());
    }
}

#[test]
fn profile_show_gives_every_source_and_masks_secrets() {
    let sandbox = Sandbox::new();
    let path = sandbox.config(
        "[profiles.default]\nendpoint = \"https://ims.example.com\"\ntoken = \"PROFILE-SECRET\"\ntimeout = 12.5\n[profiles.other]\ntoken_command = \"pass show ims\"\n",
    );
    let file = path.display().to_string();
    sandbox
        .ims()
        .env("IMS_OUTPUT", "json")
        .args(["profile", "show"])
        .prints(format!(
            "[\n  {{\n    \"setting\": \"config\",\n    \"value\": \"{file}\",\n    \"source\": \"default\"\n  }},\n  \
             {{\n    \"setting\": \"profile\",\n    \"value\": \"default\",\n    \"source\": \"default\"\n  }},\n  \
             {{\n    \"setting\": \"endpoint\",\n    \"value\": \"https://ims.example.com\",\n    \"source\": \"{file}:default\"\n  }},\n  \
             {{\n    \"setting\": \"api\",\n    \"value\": \"v2\",\n    \"source\": \"default\"\n  }},\n  \
             {{\n    \"setting\": \"sharing_rules\",\n    \"value\": \"auto\",\n    \"source\": \"default\"\n  }},\n  \
             {{\n    \"setting\": \"token\",\n    \"value\": \"****\",\n    \"source\": \"{file}:default\"\n  }},\n  \
             {{\n    \"setting\": \"output\",\n    \"value\": \"json\",\n    \"source\": \"IMS_OUTPUT\"\n  }},\n  \
             {{\n    \"setting\": \"timeout\",\n    \"value\": \"12.5\",\n    \"source\": \"{file}:default\"\n  }},\n  \
             {{\n    \"setting\": \"retries\",\n    \"value\": \"3\",\n    \"source\": \"default\"\n  }},\n  \
             {{\n    \"setting\": \"insecure\",\n    \"value\": \"false\",\n    \"source\": \"default\"\n  }}\n]\n"
        ));
    let out = sandbox
        .ims()
        .args(["--token", "FLAG-SECRET", "profile", "show", "other"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = stdout_of(&out);
    let row = |name: &str| -> Vec<String> {
        let line = stdout
            .lines()
            .find(|line| line.starts_with(&format!("│ {name} ")))
            .unwrap_or_else(|| panic!("no {name} row in {stdout}"));
        line.trim_matches('│').split('┆').map(|cell| cell.trim().to_string()).collect()
    };
    assert_eq!(row("token"), ["token", "****", "--token"]);
    assert_eq!(row("profile"), ["profile", "other", "profile show NAME"]);
    assert!(!stdout.contains("SECRET"));
    let out = sandbox.ims().args(["profile", "show", "other"]).output().unwrap();
    // A command line can carry a secret: the program is shown, its arguments masked.
    assert!(stdout_of(&out).contains("│ token_command ┆ pass ****"));
    assert!(!stdout_of(&out).contains("show ims"));
    sandbox
        .ims()
        .args(["profile", "show", "ghost"])
        .exits(3)
        .stderr(format!(
            "ims: error: profile `ghost` (from profile show NAME) is not in {file}; profiles: default, other\n"
        ));
}

#[test]
fn profile_show_masks_the_arguments_of_commands() {
    let sandbox = Sandbox::new();
    sandbox.config(
        "[profiles.a]\ntoken_command = \"echo SeCrEt\"\n[profiles.b]\nauth_url = \"http://k/v3\"\nusername = \"u\"\npassword_command = \"TOKEN=SeCrEt vault read -field=pw secret/ims\"\n",
    );
    for (profile, row) in [
        ("a", json!({"setting": "token_command", "value": "echo ****"})),
        ("b", json!({"setting": "password_command", "value": "**** ****"})),
    ] {
        let out = sandbox
            .ims()
            .timeout(BOUND)
            .args(["profile", "show", profile, "-o", "json"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let stdout = stdout_of(&out);
        assert!(!stdout.contains("SeCrEt"), "{stdout}");
        let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
        let found = rows.iter().find(|r| r["setting"] == row["setting"]).unwrap();
        assert_eq!(found["value"], row["value"]);
    }
}

#[test]
fn profile_show_names_clouds_yaml_and_os_sources() {
    let cloud = Cloud::new("http://127.0.0.1:5000/v3", PASSWORD);
    let out = cloud.ims().args(["profile", "show", "-o", "json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr_of(&out));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let find =
        |name: &str| rows.iter().find(|r| r["setting"] == name).cloned().unwrap_or(Value::Null);
    let from_clouds = format!("{}:ks-owner", cloud.clouds.display());
    let from_secure =
        format!("{}:ks-owner", cloud.sandbox.dir.path().join("secure.yaml").display());
    assert_eq!(
        find("cloud"),
        json!({"setting": "cloud", "value": "ks-owner", "source": "--os-cloud"})
    );
    assert_eq!(
        find("auth_url"),
        json!({"setting": "auth_url", "value": "http://127.0.0.1:5000/v3", "source": from_clouds})
    );
    assert_eq!(
        find("password"),
        json!({"setting": "password", "value": "****", "source": from_secure})
    );
    assert_eq!(
        find("region"),
        json!({"setting": "region", "value": "RegionOne", "source": from_clouds})
    );
    assert!(!stdout_of(&out).contains(PASSWORD));

    let out = cloud
        .sandbox
        .ims()
        .env("OS_AUTH_URL", "http://k/v3")
        .env("OS_PROJECT_ID", "p-9")
        .env("OS_TOKEN", "os-token-secret")
        .args(["profile", "show", "-o", "json"])
        .output()
        .unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(rows.contains(
        &json!({"setting": "auth_url", "value": "http://k/v3", "source": "OS_AUTH_URL"})
    ));
    assert!(
        rows.contains(&json!({"setting": "project_id", "value": "p-9", "source": "OS_PROJECT_ID"}))
    );
    assert!(rows.contains(&json!({"setting": "os_token", "value": "****", "source": "OS_TOKEN"})));
    assert!(!stdout_of(&out).contains("os-token-secret"));
}
