//! Entry point: mounts the app (wasm) — natively there is nothing to run.

#[cfg(target_arch = "wasm32")]
fn main() {
    kommunkompass::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Kommunkompass självskattning körs i webbläsaren: se README.md (scripts/serve).");
}
