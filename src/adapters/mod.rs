//! Thin adapters between the pure core and the browser: storage, files, clock, the panic screen,
//! ECharts, the app's base path, the service worker, the rubric data fetched when a view needs it and yielding to the browser. Each is small and the only place its browser API is used.

pub mod base;
pub mod clock;
pub mod data;
pub mod echarts;
pub mod files;
pub mod panic_screen;
pub mod service_worker;
pub mod storage;
pub mod tasks;
