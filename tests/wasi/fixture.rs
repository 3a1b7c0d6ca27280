//! The directory trees the WASI programs run in, and snapshots of the
//! host tree that escape attempts must leave unchanged.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::{MetadataExt, symlink};
use std::path::{Path, PathBuf};

/// A fixture: `root/sandbox` (preopened as /sandbox) and `root/outside`.
pub struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::Builder::new().prefix("awsm-wasi-fx-").tempdir().expect("temp dir");
        let f = Fixture { dir };
        for d in ["sandbox/sub", "sandbox/swap", "outside", "ro"] {
            fs::create_dir_all(f.root().join(d)).expect("mkdir");
        }
        let write = |p: &str, s: &str| fs::write(f.root().join(p), s).expect("write");
        write("sandbox/hello.txt", "hello world\n");
        write("outside/secret.txt", "secret\n");
        write("outside/swap_target.txt", "OUTSIDE\n");
        write("sandbox/swap/swap_target.txt", "inside\n");
        write("ro/ro.txt", "ro\n");
        f
    }

    /// Add the escape fixture's symlinks (see tests/wasi/escape.c).
    pub fn with_escape_links(self) -> Fixture {
        let s = self.root().join("sandbox");
        let links = [
            ("esc_link", "../outside/secret.txt".to_string()),
            ("abs_link", self.root().join("outside/secret.txt").display().to_string()),
            ("esc_dir", "../outside".to_string()),
            ("chain1", "chain2".to_string()),
            ("chain2", "sub/../../outside".to_string()),
            ("sub/deep", "../../outside/secret.txt".to_string()),
            ("up", "..".to_string()),
        ];
        for (link, target) in links {
            symlink(target, s.join(link)).expect("symlink");
        }
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `--dir <root>/sandbox::/sandbox`, then `--dir-readonly <root>/ro::/ro`.
    pub fn sandbox_options(&self) -> Vec<String> {
        vec![
            "--dir".into(),
            format!("{}::/sandbox", self.root().join("sandbox").display()),
            "--dir-readonly".into(),
            format!("{}::/ro", self.root().join("ro").display()),
        ]
    }

    /// Every path under the fixture outside `sandbox/`, with its type,
    /// size, contents hash and modification time.
    pub fn outside_snapshot(&self) -> BTreeMap<PathBuf, String> {
        let mut map = BTreeMap::new();
        snapshot(self.root(), self.root(), &mut map);
        map.retain(|p, _| !p.starts_with("sandbox/"));
        map
    }
}

pub fn snapshot(root: &Path, dir: &Path, map: &mut BTreeMap<PathBuf, String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).expect("lstat");
        let rel = path.strip_prefix(root).expect("under root").to_path_buf();
        let contents = if meta.is_file() { fs::read(&path).unwrap_or_default() } else { Vec::new() };
        let link = fs::read_link(&path).map(|t| t.display().to_string()).unwrap_or_default();
        map.insert(
            rel,
            format!(
                "{:?} {} {:?} {} {} {}",
                meta.file_type(),
                meta.len(),
                contents,
                link,
                meta.mtime(),
                meta.mtime_nsec()
            ),
        );
        if meta.is_dir() {
            snapshot(root, &path, map);
        }
    }
}
