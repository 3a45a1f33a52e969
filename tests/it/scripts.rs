//! The scripts a newcomer runs first: `scripts/release-binary` (how `scripts/demo` and
//! `benches/run` find the binary) and what `scripts/demo` tells the user at the end.

use std::path::Path;

/// The project's folder.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn release_binary_is_where_cargo_says_it_put_it() {
    // A `cargo` that reports the binary in a target folder of its own choosing, as it does
    // with CARGO_TARGET_DIR or build.target-dir set.
    let bin = tempfile::tempdir().unwrap();
    let cargo = bin.path().join("cargo");
    std::fs::write(
        &cargo,
        "#!/bin/sh\n\
         echo \"$*\" >&2\n\
         echo '{\"reason\":\"compiler-artifact\",\"target\":{\"name\":\"other\"},\"executable\":null}'\n\
         echo '{\"reason\":\"compiler-artifact\",\"target\":{\"name\":\"ims\"},\"executable\":\"/elsewhere/release/ims\"}'\n\
         echo '{\"reason\":\"build-finished\",\"success\":true}'\n",
    )
    .unwrap();
    std::fs::set_permissions(&cargo, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.path().display(), std::env::var("PATH").unwrap_or_default());
    let out = std::process::Command::new(root().join("scripts/release-binary"))
        .arg("--quiet")
        .env("PATH", path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "/elsewhere/release/ims\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "build --release --locked --message-format=json-render-diagnostics --quiet\n"
    );
}

#[test]
fn demo_and_benchmarks_ask_cargo_for_the_binary() {
    for script in ["scripts/demo", "benches/run"] {
        let text = std::fs::read_to_string(root().join(script)).unwrap();
        assert!(text.contains("scripts/release-binary"), "{script}");
        assert!(!text.contains("target/release"), "{script} names a target folder");
    }
}

#[test]
fn the_demo_ends_with_every_setting_its_commands_need() {
    let demo = std::fs::read_to_string(root().join("scripts/demo")).unwrap();
    let hint = demo.split("Glance stays up at").nth(1).unwrap_or_default();
    assert!(
        hint.contains(
            "export IMS_ENDPOINT=$url IMS_TOKEN=tok-proj-owner IMS_PROJECT_ID=proj-owner"
        ),
        "{hint}"
    );
}

#[test]
fn the_demo_deletes_every_image_it_creates() {
    // A second run (or scripts/test after the demo) must see the same images as the
    // first: every image is made by create_image, which notes it for the EXIT trap.
    let demo = std::fs::read_to_string(root().join("scripts/demo")).unwrap();
    assert_eq!(demo.matches("-X POST").count(), 1, "images made elsewhere");
    let create = demo.split("create_image() {").nth(1).unwrap_or_default();
    let create = &create[..create.find("\n}").unwrap_or(0)];
    assert!(create.contains("-X POST"), "{create}");
    assert!(create.contains(">>\"$created\""), "{create}");
    let cleanup = demo.split("cleanup() {").nth(1).unwrap_or_default();
    assert!(cleanup.contains("-X DELETE"), "{cleanup}");
    assert!(demo.contains("trap cleanup EXIT"));
}

#[test]
fn the_demo_writes_files_only_in_one_directory_that_it_removes() {
    // Its config file holds tokens: nothing may be left in /tmp, however the demo ends.
    let demo = std::fs::read_to_string(root().join("scripts/demo")).unwrap();
    assert_eq!(demo.matches("mktemp").count(), 1, "one temporary directory");
    assert!(demo.contains("work=$(mktemp -d "), "{demo}");
    let trap = demo.find("trap cleanup EXIT").unwrap();
    assert!(trap < demo.find("scripts/local-glance start").unwrap(), "trap set first");
    let cleanup = demo.split("cleanup() {").nth(1).unwrap_or_default();
    assert!(cleanup[..cleanup.find("\n}").unwrap()].contains("rm -rf \"$work\""));
    for line in demo.lines().filter(|line| line.contains(">") && line.contains('/')) {
        let target = line.rsplit('>').next().unwrap_or_default().trim();
        assert!(
            !target.starts_with("/tmp") && !target.contains("TMPDIR"),
            "writes outside $work: {line}"
        );
    }
    assert!(demo.contains("XDG_CACHE_HOME=$work/cache"));
}

#[test]
fn local_glance_stop_finds_the_server_on_its_port_from_another_state_directory() {
    // A stand-in uwsgi whose command line is the one `start` runs, started with one
    // LOCAL_GLANCE_DIR; `stop` with another (and no pidfile there) must find and end it.
    let dir = tempfile::tempdir().unwrap();
    let fake = dir.path().join("venv/bin/uwsgi");
    let port = "59314";
    let started_dir = dir.path().join("started");
    let mut server = std::process::Command::new("bash")
        .args(["-c", "exec -a \"$0\" sleep 60"])
        .arg(format!(
            "{} --http11-socket 127.0.0.1:{port} --home /venv --pythonpath {}/lib \
             --module glance.wsgi.api:application --master",
            fake.display(),
            started_dir.display()
        ))
        .spawn()
        .unwrap();
    let stop = |state: &Path| {
        std::process::Command::new(root().join("scripts/local-glance"))
            .arg("stop")
            .env("LOCAL_GLANCE_PORT", port)
            .env("LOCAL_GLANCE_DIR", state)
            .output()
            .unwrap()
    };
    // Another port's server is not this one's.
    let other = std::process::Command::new(root().join("scripts/local-glance"))
        .arg("stop")
        .env("LOCAL_GLANCE_PORT", "59315")
        .env("LOCAL_GLANCE_DIR", dir.path().join("other"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&other.stderr).contains("not running"));
    assert!(server.try_wait().unwrap().is_none());
    let out = stop(&dir.path().join("other"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(stderr, format!("local-glance: stopped glance-api (pid {})\n", server.id()));
    assert!(server.wait().unwrap().code() != Some(0), "the server was ended");
}

#[test]
fn the_packages_hold_binary_man_pages_completions_readme_and_licence_where_systems_look() {
    // A stand-in binary keeps this fast; CI packages the release build and runs lintian.
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("ims");
    std::fs::write(&binary, "#!/bin/sh\necho \"ims 0.1.0\"\n").unwrap();
    std::fs::set_permissions(&binary, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out_dir = dir.path().join("dist");
    let out = std::process::Command::new(root().join("scripts/package"))
        .arg("--smoke")
        .env("IMS_BINARY", &binary)
        .env("OUT_DIR", &out_dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("smoke test: binary, man page and bash completion of the .deb work"));
    let arch = String::from_utf8(
        std::process::Command::new("dpkg").arg("--print-architecture").output().unwrap().stdout,
    )
    .unwrap();
    let deb = out_dir.join(format!("ims_0.1.0_{}.deb", arch.trim()));
    let listing = std::process::Command::new("dpkg-deb").arg("-c").arg(&deb).output().unwrap();
    let files: Vec<String> = String::from_utf8_lossy(&listing.stdout)
        .lines()
        .filter(|line| line.starts_with('-'))
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            format!("{} {} {}", fields[0], fields[1], fields[5])
        })
        .collect();
    let mut wanted = vec![
        "-rwxr-xr-x root/root ./usr/bin/ims".to_string(),
        "-rw-r--r-- root/root ./usr/share/bash-completion/completions/ims".into(),
        "-rw-r--r-- root/root ./usr/share/doc/ims/LICENSE".into(),
        "-rw-r--r-- root/root ./usr/share/doc/ims/README.md".into(),
        "-rw-r--r-- root/root ./usr/share/doc/ims/changelog.gz".into(),
        "-rw-r--r-- root/root ./usr/share/doc/ims/copyright".into(),
        "-rw-r--r-- root/root ./usr/share/fish/vendor_completions.d/ims.fish".into(),
        "-rw-r--r-- root/root ./usr/share/lintian/overrides/ims".into(),
    ];
    let mut pages: Vec<String> = std::fs::read_dir(root().join("man"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    assert!(pages.len() > 20);
    wanted.extend(
        pages.iter().map(|page| format!("-rw-r--r-- root/root ./usr/share/man/man1/{page}.gz")),
    );
    wanted.push("-rw-r--r-- root/root ./usr/share/zsh/vendor-completions/_ims".into());
    assert_eq!(files, wanted);
    // The packaged completion is the committed one.
    let unpacked = dir.path().join("unpacked");
    std::process::Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&unpacked).status().unwrap();
    assert_eq!(
        std::fs::read(unpacked.join("usr/share/zsh/vendor-completions/_ims")).unwrap(),
        std::fs::read(root().join("completions/_ims")).unwrap()
    );
    // The tarball: the same files but Debian's own, under one directory, and SHA256SUMS.
    let tarball = format!("ims-0.1.0-{}-linux.tar.gz", std::env::consts::ARCH);
    let listing =
        std::process::Command::new("tar").arg("-tzf").arg(out_dir.join(&tarball)).output().unwrap();
    let names: Vec<String> = String::from_utf8_lossy(&listing.stdout)
        .lines()
        .filter(|name| !name.ends_with('/'))
        .map(String::from)
        .collect();
    let prefix = format!("ims-0.1.0-{}-linux/", std::env::consts::ARCH);
    let from_deb: Vec<String> = wanted
        .iter()
        .map(|line| line.rsplit(' ').next().unwrap().replacen("./", &prefix, 1))
        .filter(|name| !name.contains("/lintian/") && !name.ends_with("changelog.gz"))
        .collect();
    assert_eq!(names, from_deb);
    let sums = std::fs::read_to_string(out_dir.join("SHA256SUMS")).unwrap();
    let named: Vec<&str> = sums.lines().map(|line| line.rsplit(' ').next().unwrap()).collect();
    assert_eq!(named, [deb.file_name().unwrap().to_str().unwrap(), &tarball]);
}
