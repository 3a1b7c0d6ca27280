//! The embedded figures: the benchmark kernels of tests/targets/bench/
//! built for the Cortex-M4 board natively and through awsm, checked to
//! compute the same checksums, with instruction counts (QEMU's -icount)
//! and flash sizes written out for doc/targets.md ("Embedded figures").

use crate::common::{
    arm_none_eabi, expect_success, qemu_system_arm, repo_path, report_skip, run_with_limit, wasi_clang,
};
use crate::platform::{COMPILE_LIMIT, CORTEX_M4, RUN_LIMIT, build_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The benchmark kernels of tests/targets/bench/.
const BENCH_KERNELS: &[&str] = &["crc32", "matmul", "sort", "sha256"];

/// One build of one kernel, as run on the Cortex-M4 board.
struct BenchRun {
    checksum: String,
    /// Instructions of the kernel (ns of virtual time under -icount shift=0).
    instructions: u64,
    /// Bytes of flash: everything the board's linker script places in FLASH.
    flash: u64,
}

/// Flash bytes of a firmware image: its loadable sections in the FLASH
/// region (below 0x20000000), plus .data's initial values stored there.
/// Debug sections, `.comment` and `.ARM.attributes` are not loaded.
pub fn flash_bytes(elf: &Path) -> Result<u64, String> {
    let out = Command::new("arm-none-eabi-size").arg("-A").arg(elf).output().map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut total = 0;
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let [name, size, addr] = cols[..] else { continue };
        let (Ok(size), Ok(addr)) = (size.parse::<u64>(), addr.parse::<u64>()) else { continue };
        if name == ".data"
            || (addr < 0x2000_0000
                && addr + size > 0
                && !name.starts_with(".debug")
                && name != ".comment"
                && name != ".ARM.attributes")
        {
            total += size;
        }
    }
    Ok(total)
}

/// Bytes of the guest's own code in an awsm firmware image: the sizes of
/// its `wasm_f<N>` functions (the rest is runtime, startup and library).
pub fn guest_code_bytes(elf: &Path) -> Result<u64, String> {
    let text = sized_symbols(elf)?;
    let is_guest =
        |name: &str| name.strip_prefix("wasm_f").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    Ok(text
        .lines()
        .filter_map(|line| match line.split_whitespace().collect::<Vec<_>>()[..] {
            [_, size, _, name] if is_guest(name) => size.parse::<u64>().ok(),
            _ => None,
        })
        .sum())
}

/// Run firmware under QEMU with one instruction per nanosecond and parse
/// the kernel's `<name> checksum=<hex> ns=<n>` line.
fn run_bench(elf: &Path) -> Result<BenchRun, String> {
    let mut cmd = Command::new(qemu_system_arm()?);
    cmd.args(["-M", "mps2-an386", "-nographic", "-semihosting", "-icount", "shift=0", "-kernel"]).arg(elf);
    let run = run_with_limit(&mut cmd, b"", RUN_LIMIT).map_err(|e| e.to_string())?;
    let out = String::from_utf8_lossy(&run.stdout).to_string();
    if run.status.code() != Some(0) {
        return Err(format!(
            "{} ended with {}: {out}{}",
            elf.display(),
            run.describe_status(),
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let field = |key: &str| out.split_whitespace().find_map(|w| w.strip_prefix(key)).map(str::to_string);
    let checksum = field("checksum=").ok_or_else(|| format!("no checksum in {out:?}"))?;
    let instructions =
        field("ns=").and_then(|n| n.parse().ok()).ok_or_else(|| format!("no ns in {out:?}"))?;
    Ok(BenchRun { checksum, instructions, flash: flash_bytes(elf)? })
}

/// The cells comparing a native build with an awsm build: instructions of
/// each and their ratio (two decimals), flash of each and their ratio
/// (`flash_digits` decimals).
fn side_by_side(native: &BenchRun, awsm: &BenchRun, flash_digits: usize) -> String {
    let ratio = |a: u64, b: u64| a as f64 / b as f64;
    format!(
        "{} | {} | {:.2}x | {} | {} | {:.*}x",
        native.instructions,
        awsm.instructions,
        ratio(awsm.instructions, native.instructions),
        native.flash,
        awsm.flash,
        flash_digits,
        ratio(awsm.flash, native.flash)
    )
}

/// Build the native firmware of `kernel` with arm-none-eabi-gcc at `opt`
/// and run it.
fn native_bench(kernel: &str, opt: &str, dir: &Path) -> BenchRun {
    let src = repo_path("tests/targets/bench");
    let native = dir.join(format!("{kernel}.native{opt}.elf"));
    let mut gcc = board_gcc(opt);
    gcc.arg("-Wl,--gc-sections")
        .arg(src.join(format!("{kernel}.c")))
        .arg(src.join("platform_native.c"))
        .arg("-o")
        .arg(&native);
    expect_success(&mut gcc, COMPILE_LIMIT).unwrap_or_else(|e| panic!("{e}"));
    run_bench(&native).unwrap_or_else(|e| panic!("{kernel} native {opt}: {e}"))
}

/// Build the wasm module of `kernel` (clang at `opt`, one 64 KiB page,
/// the WASI platform object `platform`).
fn wasm_bench(kernel: &str, opt: &str, clang: &str, platform: &Path, dir: &Path) -> PathBuf {
    let object = dir.join(format!("{kernel}{opt}.o"));
    let wasm = dir.join(format!("{kernel}{opt}.wasm"));
    let mut cc = Command::new(clang);
    cc.args(["--target=wasm32", opt, "-nostdlib", "-c"])
        .arg(repo_path("tests/targets/bench").join(format!("{kernel}.c")))
        .arg("-o")
        .arg(&object);
    expect_success(&mut cc, COMPILE_LIMIT).unwrap_or_else(|e| panic!("{e}"));
    let mut link = Command::new(clang);
    link.args(["--target=wasm32", "-nostdlib", "-Wl,--no-entry", "-Wl,--export=_start", "-Wl,--stack-first"])
        .args(["-Wl,-z,stack-size=8192", "-Wl,--initial-memory=65536", "-Wl,--max-memory=65536"])
        .arg(&object)
        .arg(platform)
        .arg("-o")
        .arg(&wasm);
    expect_success(&mut link, COMPILE_LIMIT).unwrap_or_else(|e| panic!("{e}"));
    wasm
}

/// One awsm build of a kernel: its run and its guest code bytes.
fn awsm_bench(
    kernel: &str,
    wasm: &Path,
    label: &str,
    opt: &str,
    flags: &[&str],
    dir: &Path,
) -> (BenchRun, u64) {
    let elf = dir.join(format!("{kernel}.{}{opt}.elf", label.replace([' ', ','], "_")));
    CORTEX_M4.build(wasm, &elf, opt, flags);
    let run = run_bench(&elf).unwrap_or_else(|e| panic!("{kernel} {label} {opt}: {e}"));
    (run, guest_code_bytes(&elf).unwrap_or_else(|e| panic!("{e}")))
}

/// The kernels of tests/targets/bench/ built for Cortex-M4 (mps2-an386):
/// natively with arm-none-eabi-gcc -O2 and -Os, and through wasm32 by awsm
/// -O2 with explicit bounds checks, with explicit checks and 32 KiB pages,
/// with the mask strategy, and at -Oz with explicit checks. All must
/// compute the same checksums, and -Oz firmware must take less flash than
/// -O2 firmware. A third build is the one for flash: the C compiled to wasm
/// at -Os, then awsm -Oz (clang's -Oz gives no smaller firmware: sha256's
/// is 92 bytes larger). The instruction counts and flash sizes (three
/// tables: speed levels, size levels, size build) are written
/// to target/tmp/embedded_figures.md (doc/targets.md, "Embedded figures").
#[test]
fn embedded_benchmarks_agree_with_native() {
    if !arm_firmware_ready("embedded_benchmarks") {
        return;
    }
    let clang = wasi_clang().expect("probed by ready()").program.clone();
    let dir = build_dir("bench");
    let platform = |opt: &str| {
        let object = dir.join(format!("platform_wasm{opt}.o"));
        let mut cc = Command::new(&clang);
        cc.args(["--target=wasm32", opt, "-nostdlib", "-fno-builtin", "-c"])
            .arg(repo_path("tests/targets/bench/platform_wasm.c"))
            .arg("-o")
            .arg(&object);
        expect_success(&mut cc, COMPILE_LIMIT).unwrap_or_else(|e| panic!("{e}"));
        object
    };
    let (platform, platform_os) = (platform("-O2"), platform("-Os"));

    let variants: [(&str, &[&str]); 3] = [
        ("explicit", &[]),
        ("explicit, 32 KiB pages", &["--page-size", "32768"]),
        ("mask", &["--bounds-checks", "mask"]),
    ];
    let mut table = String::from(
        "| kernel | native instructions | awsm explicit | ratio | awsm 32 KiB pages | ratio | awsm mask | ratio \
         | native flash | awsm flash (explicit) | ratio | of which guest code |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut size_table = String::from(
        "| kernel | native -Os instructions | awsm -Oz | ratio | native -Os flash | awsm -Oz flash | ratio \
         | ratio to native -O2 flash | of which guest code | awsm -O2 flash |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut size_build_table = String::from(
        "| kernel | native -O2 instructions | clang -Os, awsm -Oz | ratio | native -O2 flash \
         | clang -Os, awsm -Oz flash | ratio | of which guest code |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let ratio = |a: u64, b: u64| a as f64 / b as f64;
    for kernel in BENCH_KERNELS {
        let native = native_bench(kernel, "-O2", &dir);
        let wasm = wasm_bench(kernel, "-O2", &clang, &platform, &dir);
        let mut row = format!("| {kernel} | {} |", native.instructions);
        let (mut explicit_flash, mut explicit_guest) = (0, 0);
        for (label, flags) in variants {
            let (run, guest) = awsm_bench(kernel, &wasm, label, "-O2", flags, &dir);
            assert_eq!(
                run.checksum, native.checksum,
                "{kernel} ({label}) computed a different checksum than native"
            );
            if label == "explicit" {
                (explicit_flash, explicit_guest) = (run.flash, guest);
            }
            row.push_str(&format!(
                " {} | {:.3}x |",
                run.instructions,
                ratio(run.instructions, native.instructions)
            ));
        }
        row.push_str(&format!(
            " {} | {} | {:.1}x | {} |\n",
            native.flash,
            explicit_flash,
            ratio(explicit_flash, native.flash),
            explicit_guest
        ));
        table.push_str(&row);

        let native_os = native_bench(kernel, "-Os", &dir);
        assert_eq!(native_os.checksum, native.checksum, "{kernel}: gcc -Os computed a different checksum");
        let (oz, oz_guest) = awsm_bench(kernel, &wasm, "explicit", "-Oz", &[], &dir);
        assert_eq!(oz.checksum, native.checksum, "{kernel} (explicit, -Oz) computed a different checksum");
        assert!(
            oz.flash < explicit_flash && oz_guest < explicit_guest,
            "{kernel}: -Oz firmware is not smaller than -O2 firmware: flash {} against {explicit_flash}, \
             guest code {oz_guest} against {explicit_guest}",
            oz.flash
        );
        size_table.push_str(&format!(
            "| {kernel} | {} | {:.1}x | {oz_guest} | {explicit_flash} |\n",
            side_by_side(&native_os, &oz, 1),
            ratio(oz.flash, native.flash),
        ));

        let wasm_os = wasm_bench(kernel, "-Os", &clang, &platform_os, &dir);
        let (size_build, size_build_guest) = awsm_bench(kernel, &wasm_os, "size build", "-Oz", &[], &dir);
        assert_eq!(
            size_build.checksum, native.checksum,
            "{kernel} (clang -Os, awsm -Oz) computed a different checksum"
        );
        size_build_table.push_str(&format!(
            "| {kernel} | {} | {size_build_guest} |\n",
            side_by_side(&native, &size_build, 2)
        ));
    }
    let figures = format!("{table}\n{size_table}\n{size_build_table}");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("embedded_figures.md");
    let _ = std::fs::write(&out, &figures);
    eprintln!(
        "embedded figures (Cortex-M4, mps2-an386, -icount shift=0), also in {}:\n{figures}",
        out.display()
    );
}

/// arm-none-eabi-gcc building firmware for the Cortex-M4 board
/// (mps2-an386) at `opt`: its FPU and float ABI, newlib-nano, no start
/// files (the board's code starts the program) and its linker script.
pub fn board_gcc(opt: &str) -> Command {
    let mut gcc = Command::new("arm-none-eabi-gcc");
    gcc.args(["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", opt, "-nostartfiles"])
        .args(["--specs=nano.specs", "-T"])
        .arg(repo_path("runtime/cortex_m/board/mps2-an386.ld"));
    gcc
}

/// The symbol table of `elf` with sizes, in decimal (`arm-none-eabi-nm -S
/// -t d`): `<address> <size> <type> <name>` a line.
pub fn sized_symbols(elf: &Path) -> Result<String, String> {
    let out = Command::new("arm-none-eabi-nm")
        .args(["-S", "-t", "d"])
        .arg(elf)
        .output()
        .map_err(|e| format!("arm-none-eabi-nm: {e}"))?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Whether the Cortex-M4 platform and the bare-metal Arm toolchain (which
/// links hand-made firmware and measures images) are both here; reports
/// the skip otherwise.
pub fn arm_firmware_ready(test: &str) -> bool {
    if !CORTEX_M4.ready_for(test) {
        return false;
    }
    match arm_none_eabi() {
        Ok(()) => true,
        Err(reason) => {
            report_skip(&format!("{}::{test}", CORTEX_M4.name), &reason);
            false
        }
    }
}
