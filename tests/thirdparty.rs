//! Real third-party C code under WASI: SQLite (the amalgamation bundled in
//! the `libsqlite3-sys` crate) and zstd (the library bundled in `zstd-sys`),
//! each with a small driver in tests/thirdparty/. The crates' sources are
//! downloaded at test time with `cargo fetch` (never committed), built for
//! wasm32-wasi and natively with the same flags, and run — natively, and
//! with `awsm run` against a preopened directory. Stdout and every file the
//! driver writes must be byte-identical.
//!
//! Downloads and builds are cached under the target directory
//! (`$CARGO_TARGET_TMPDIR/awsm-thirdparty`), the executables in an `awsm
//! run` cache there, so only the first run pays for them. If the crates
//! cannot be fetched (no network) or no wasm32-wasi toolchain exists, the
//! tests say so and pass; under `AWSM_REQUIRE_TOOLS=1` they fail instead
//! (CI has the network and the toolchain).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The pinned crates: (name, version).
const SQLITE: (&str, &str) = ("libsqlite3-sys", "0.30.1");
const ZSTD: (&str, &str) = ("zstd-sys", "2.0.13+zstd.1.5.6");

fn cache_root() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("awsm-thirdparty")
}

/// Unpacked sources of every pinned crate, by name; Err says why not.
fn sources() -> Result<&'static BTreeMap<String, PathBuf>, &'static str> {
    static SOURCES: OnceLock<Result<BTreeMap<String, PathBuf>, String>> = OnceLock::new();
    SOURCES.get_or_init(fetch).as_ref().map_err(String::as_str)
}

/// `cargo fetch` a throwaway package depending on the pinned crates, then
/// find their directories with `cargo metadata`.
fn fetch() -> Result<BTreeMap<String, PathBuf>, String> {
    let dir = cache_root().join("fetch");
    fs::create_dir_all(dir.join("src")).map_err(|e| e.to_string())?;
    let manifest = format!(
        "[package]\nname = \"awsm-thirdparty-fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
         [dependencies]\n{} = {{ version = \"={}\", default-features = false }}\n\
         {} = {{ version = \"={}\", default-features = false }}\n",
        SQLITE.0, SQLITE.1, ZSTD.0, ZSTD.1
    );
    fs::write(dir.join("Cargo.toml"), manifest).map_err(|e| e.to_string())?;
    fs::write(dir.join("src/lib.rs"), "").map_err(|e| e.to_string())?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let manifest_path = dir.join("Cargo.toml");
    let out = Command::new(&cargo)
        .arg("fetch")
        .arg("--manifest-path")
        .arg(&manifest_path)
        .output()
        .map_err(|e| format!("{cargo}: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo fetch failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let out = Command::new(&cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest_path)
        .output()
        .map_err(|e| format!("{cargo}: {e}"))?;
    if !out.status.success() {
        return Err(format!("cargo metadata failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    let json = String::from_utf8_lossy(&out.stdout);
    let mut found = BTreeMap::new();
    for (name, version) in [SQLITE, ZSTD] {
        // Each package's "manifest_path" is ".../<name>-<version>/Cargo.toml".
        let needle = format!("{name}-{version}/Cargo.toml\"");
        let end = json.find(&needle).ok_or_else(|| format!("{name} {version} not in cargo metadata"))?;
        let start = json[..end].rfind('"').map(|i| i + 1).unwrap_or(0);
        let manifest = json[start..end + needle.len() - 1].replace("\\\\", "\\");
        let crate_dir = Path::new(&manifest).parent().expect("manifest has a parent").to_path_buf();
        found.insert(name.to_string(), crate_dir);
    }
    Ok(found)
}

/// A library under test: its sources and how to build them with the driver.
struct Library {
    name: &'static str,
    driver: &'static str,
    sources: Vec<PathBuf>,
    include: PathBuf,
    cflags: &'static [&'static str],
}

fn sqlite(root: &Path) -> Library {
    let dir = root.join("sqlite3");
    Library {
        name: "sqlite",
        driver: "sqlite_driver.c",
        sources: vec![dir.join("sqlite3.c")],
        include: dir,
        cflags: &["-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION", "-DSQLITE_OMIT_WAL"],
    }
}

fn zstd(root: &Path) -> Library {
    let lib = root.join("zstd/lib");
    let mut sources = Vec::new();
    for part in ["common", "compress", "decompress"] {
        let mut files: Vec<PathBuf> = fs::read_dir(lib.join(part))
            .map(|r| {
                r.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "c")).collect()
            })
            .unwrap_or_default();
        files.sort();
        sources.extend(files);
    }
    Library { name: "zstd", driver: "zstd_driver.c", sources, include: lib, cflags: &["-DZSTD_DISABLE_ASM"] }
}

/// Build (or reuse) the wasm module and the native executable.
fn build(lib: &Library, clang: &str) -> (PathBuf, PathBuf) {
    let driver = common::repo_path(format!("tests/thirdparty/{}", lib.driver));
    let mut key = std::collections::hash_map::DefaultHasher::new();
    fs::read(&driver).expect("driver source").hash(&mut key);
    lib.sources.hash(&mut key);
    lib.cflags.hash(&mut key);
    let dir = cache_root().join("build").join(format!("{}-{:016x}", lib.name, key.finish()));
    fs::create_dir_all(&dir).expect("build dir");
    let wasm = dir.join(format!("{}.wasm", lib.name));
    let native = dir.join(format!("{}-native", lib.name));
    let compile = |target: Option<&str>, out: &Path| {
        if out.exists() {
            return;
        }
        let tmp = out.with_extension("tmp");
        let mut cc = Command::new(clang);
        if let Some(t) = target {
            cc.arg(format!("--target={t}"));
        }
        cc.args(["-O1", "-w", "-I"]).arg(&lib.include).args(lib.cflags).args(&lib.sources).arg(&driver);
        cc.arg("-o").arg(&tmp).arg("-lm");
        let res = cc.output().expect("run clang");
        assert!(
            res.status.success(),
            "building {}:\n{}",
            out.display(),
            String::from_utf8_lossy(&res.stderr)
        );
        fs::rename(&tmp, out).expect("rename");
    };
    // The two builds are independent: run them side by side.
    std::thread::scope(|s| {
        s.spawn(|| compile(Some("wasm32-wasi"), &wasm));
        compile(None, &native);
    });
    (wasm, native)
}

/// Every file in `dir`, by name.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), fs::read(e.path()).expect("read")))
        .collect()
}

fn check(pick: fn(&Path) -> Library, crate_name: &str) {
    let test = format!("thirdparty {crate_name}");
    let Some(clang) = common::wasi_clang_or_skip(&test) else { return };
    let sources = match sources() {
        Ok(s) => s,
        Err(why) => {
            return common::report_skip(&test, &format!("cannot fetch the third-party crates: {why}"));
        }
    };
    let lib = pick(&sources[crate_name]);
    let (wasm, native) = build(&lib, &clang);
    let work = tempfile::tempdir().expect("temp dir");
    let (native_dir, guest_dir) = (work.path().join("native"), work.path().join("guest"));
    fs::create_dir_all(&native_dir).expect("mkdir");
    fs::create_dir_all(&guest_dir).expect("mkdir");
    let expected = Command::new(&native).arg(&native_dir).output().expect("run native");
    assert!(expected.status.success(), "native {}: {}", lib.name, String::from_utf8_lossy(&expected.stderr));
    let actual = common::awsm()
        .arg("run")
        .arg("--dir")
        .arg(format!("{}::/data", guest_dir.display()))
        .arg(&wasm)
        .arg("/data")
        .env("AWSM_CACHE_DIR", cache_root().join("awsm-cache"))
        .output()
        .expect("run awsm");
    let (want, got) = (String::from_utf8_lossy(&expected.stdout), String::from_utf8_lossy(&actual.stdout));
    assert!(
        actual.status.success() && want == got,
        "{} under awsm ({}, stderr: {}):\n{}",
        lib.name,
        common::describe_status(actual.status),
        String::from_utf8_lossy(&actual.stderr),
        common::line_diff(&want, &got, 40)
    );
    assert!(want.ends_with("done\n"), "{}: the driver did not finish:\n{want}", lib.name);
    let (nf, gf) = (files(&native_dir), files(&guest_dir));
    assert_eq!(nf.keys().collect::<Vec<_>>(), gf.keys().collect::<Vec<_>>(), "{}: files written", lib.name);
    for (name, bytes) in &nf {
        assert!(bytes == &gf[name], "{}: {name} differs between the native and the awsm run", lib.name);
    }
    eprintln!("{}: {} output lines and {} files identical", lib.name, want.lines().count(), nf.len());
}

#[test]
fn sqlite_matches_native() {
    check(sqlite, SQLITE.0);
}

#[test]
fn zstd_matches_native() {
    check(zstd, ZSTD.0);
}
