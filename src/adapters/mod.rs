//! Thin adapters between the pure core and the browser: storage, files, clock, the panic screen
//! and ECharts. Each is small and the only place its browser API is used.

pub mod clock;
pub mod echarts;
pub mod files;
pub mod panic_screen;
pub mod storage;
