#![cfg(target_arch = "wasm32")]
//! Browser tests (wasm-bindgen-test in headless Chromium) of the localStorage adapter (alone and
//! under the workspace) and of mounting the app. Run with `cargo test --target wasm32-unknown-unknown --test web`; the
//! runner and browser are configured in `.cargo/config.toml` and `tests/web/webdriver.json`
//! (scripts/test.sh sets everything up).
//!
//! All tests share one page and therefore one localStorage: each test starts from an empty
//! storage and restores anything it patches, even when an assertion fails (drop guards).

use kommunkompass::adapters::storage::LocalStore;
use kommunkompass::domain::assessment::{Assessment, Edit, Response};
use kommunkompass::domain::error::DecodeError;
use kommunkompass::domain::persist;
use kommunkompass::workspace::{APP_VERSION, Change, Refusal, Save, SaveError, Store, Workspace, key_for};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().expect("localStorage exists in the test browser")
}

/// Empties localStorage so that a test sees only what it writes itself.
fn fresh_storage() -> web_sys::Storage {
    let ls = local_storage();
    ls.clear().unwrap();
    ls
}

fn keys(ls: &web_sys::Storage) -> Vec<String> {
    let mut keys: Vec<String> = (0..ls.length().unwrap()).filter_map(|i| ls.key(i).unwrap()).collect();
    keys.sort();
    keys
}

/// An assessment of the current rubric with two answers and a comment with markup-like text.
fn sample(id: &str) -> Assessment {
    let mut a = Assessment::new(
        id.to_string(),
        "Ledningsgruppens workshop".to_string(),
        "Exempelby kommun".to_string(),
        "kk-2022".to_string(),
        1_763_800_000_000,
    );
    a.edit_answer("1.1.1", 1_763_800_000_100, |ans| {
        ans.response = Some(Response::Level(3));
        ans.comment = "Demokratistrategi antagen 2023 – <b>å ä ö</b> \"citat\"".to_string();
    });
    a.edit_answer("2.1.1", 1_763_800_000_200, |ans| ans.response = Some(Response::DontKnow));
    a
}

fn eval(js: &str) -> JsValue {
    js_sys::eval(js).unwrap_or_else(|e| panic!("eval failed: {e:?}\n{js}"))
}

/// A replacement for `Storage.prototype.setItem`, active until dropped; the browser's own
/// `setItem` is kept as `__kkOriginalSetItem` and put back on drop, even when an assertion fails.
struct SetItemPatch;

impl SetItemPatch {
    /// Installs `replacement`, a JS function expression; it may call `original(this, key, value)`.
    fn install(replacement: &str) -> Self {
        eval(&format!(
            r#"(() => {{
                const proto = Storage.prototype;
                if (!proto.__kkOriginalSetItem) proto.__kkOriginalSetItem = proto.setItem;
                const original = (self, key, value) => proto.__kkOriginalSetItem.call(self, key, value);
                proto.setItem = {replacement};
            }})()"#
        ));
        SetItemPatch
    }

    /// A full quota for assessment keys; the probe key `kommunkompass.test` stays writable, as in a
    /// full browser where a one-byte write may still fit.
    fn quota_full() -> Self {
        Self::install(
            r#"function (key, value) {
                if (String(key).startsWith("kommunkompass.bedomning.")) {
                    throw new DOMException("full", "QuotaExceededError");
                }
                return original(this, key, value);
            }"#,
        )
    }

    /// Every write denied (storage switched off by policy).
    fn denied() -> Self {
        Self::install(r#"function () { throw new DOMException("denied", "SecurityError"); }"#)
    }
}

impl Drop for SetItemPatch {
    fn drop(&mut self) {
        eval(
            r#"(() => {
                const proto = Storage.prototype;
                if (proto.__kkOriginalSetItem) {
                    proto.setItem = proto.__kkOriginalSetItem;
                    delete proto.__kkOriginalSetItem;
                }
            })()"#,
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Storage adapter: LocalStore, and the workspace on top of it
// ---------------------------------------------------------------------------------------------

type Ws = Workspace<LocalStore>;

fn load() -> Ws {
    Workspace::load(LocalStore)
}

fn encoded(a: &Assessment, now: u64) -> String {
    persist::encode(a, APP_VERSION, now)
}

#[wasm_bindgen_test]
fn local_store_is_available_and_the_probe_key_is_removed() {
    let ls = fresh_storage();
    assert!(LocalStore.probe());
    assert_eq!(keys(&ls), Vec::<String>::new(), "the probe must not leave its key behind");
}

#[wasm_bindgen_test]
fn local_store_reads_writes_lists_and_removes() {
    let ls = fresh_storage();
    let mut store = LocalStore;
    store.set("kommunkompass.x", "å ä ö").unwrap();
    assert_eq!(store.get("kommunkompass.x").as_deref(), Some("å ä ö"));
    assert_eq!(store.keys(), vec!["kommunkompass.x".to_string()]);
    store.remove("kommunkompass.x");
    assert_eq!(store.get("kommunkompass.x"), None);
    assert_eq!(keys(&ls), Vec::<String>::new());
}

#[wasm_bindgen_test]
fn a_new_assessment_is_written_as_exactly_the_encoded_envelope_under_its_key() {
    let ls = fresh_storage();
    let a = sample("web-save-1");
    let now = 1_763_900_000_000;

    load().apply(Change::Create(a.clone()), now);

    let key = "kommunkompass.bedomning.web-save-1";
    assert_eq!(key_for(&a.id), key);
    assert_eq!(keys(&ls), vec![key.to_string()]);
    let stored = ls.get_item(key).unwrap().expect("entry written");
    assert_eq!(stored, encoded(&a, now), "stored bytes differ from persist::encode");
    let json: serde_json::Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(json["kind"], "kommunkompass-bedomning");
    assert_eq!(json["schema"], persist::SCHEMA_VERSION);
    assert_eq!(json["assessment"]["answers"]["1.1.1"]["response"], serde_json::json!({ "level": 3 }));
}

#[wasm_bindgen_test]
fn loading_returns_what_was_written_newest_first() {
    let ls = fresh_storage();
    let older = sample("web-load-old");
    let mut newer = sample("web-load-new");
    newer.edit_answer("3.1.1", 1_763_800_009_000, |ans| ans.response = Some(Response::NotApplicable));
    ls.set_item(&key_for(&older.id), &encoded(&older, 1)).unwrap();
    ls.set_item(&key_for(&newer.id), &encoded(&newer, 2)).unwrap();

    let ws = load();

    assert!(ws.unreadable().is_empty(), "unexpected unreadable entries: {:?}", ws.unreadable());
    assert_eq!(ws.newest_first(), vec![&newer, &older]);
}

#[wasm_bindgen_test]
fn keys_of_other_apps_and_settings_are_not_assessments() {
    let ls = fresh_storage();
    ls.set_item(&key_for("web-other"), &encoded(&sample("web-other"), 1)).unwrap();
    ls.set_item("annan-app.data", "{\"kind\":\"kommunkompass-bedomning\"}").unwrap();
    ls.set_item("kommunkompass.installningar", "not an assessment").unwrap();

    let ws = load();

    assert_eq!(ws.count(), 1);
    assert!(ws.unreadable().is_empty(), "only kommunkompass.bedomning.* keys are assessments: {:?}", ws.unreadable());
}

#[wasm_bindgen_test]
fn a_corrupted_entry_is_reported_kept_byte_identical_and_does_not_hide_the_others() {
    let ls = fresh_storage();
    let good = sample("web-good");
    ls.set_item(&key_for(&good.id), &encoded(&good, 5)).unwrap();
    let garbage = r#"{"kind":"kommunkompass-bedomning","schema":1,"#;
    let broken_key = "kommunkompass.bedomning.broken";
    ls.set_item(broken_key, garbage).unwrap();

    let ws = load();

    assert_eq!(ws.newest_first(), vec![&good]);
    assert_eq!(ws.unreadable().len(), 1);
    let bad = &ws.unreadable()[0];
    assert_eq!(bad.key, broken_key);
    assert_eq!(bad.raw, garbage, "the raw text must be reported exactly as stored");
    assert!(matches!(bad.reason, DecodeError::Syntax { .. }), "{:?}", bad.reason);
    assert_eq!(ls.get_item(broken_key).unwrap().as_deref(), Some(garbage), "loading must not touch a broken entry");

    // Loading again gives the same result: nothing was repaired or dropped behind our back.
    assert_eq!(load().unreadable().len(), 1);
}

fn future_of(a: &Assessment) -> String {
    let current = format!("\"schema\":{},", persist::SCHEMA_VERSION);
    let future = persist::encode(a, "9.9.9", 1).replacen(&current, "\"schema\":99,", 1);
    assert!(future.contains("\"schema\":99,"), "test setup: {future}");
    future
}

#[wasm_bindgen_test]
fn entries_of_a_newer_schema_are_unreadable_not_lost() {
    let ls = fresh_storage();
    let future = future_of(&sample("web-future"));
    ls.set_item("kommunkompass.bedomning.web-future", &future).unwrap();

    let ws = load();

    assert_eq!(ws.count(), 0);
    assert_eq!(ws.unreadable().len(), 1);
    assert_eq!(ws.unreadable()[0].raw, future);
    assert_eq!(ws.unreadable()[0].reason, DecodeError::TooNew(99));
    assert_eq!(ls.get_item("kommunkompass.bedomning.web-future").unwrap(), Some(future));
}

#[wasm_bindgen_test]
fn an_entry_written_by_a_newer_version_is_never_overwritten() {
    let ls = fresh_storage();
    let a = sample("web-upgrade");
    let key = key_for(&a.id);
    let mut ws = load();
    ws.apply(Change::Create(a.clone()), 1);
    // Another tab with a newer version saves; this tab hears of it through the storage event.
    let future = future_of(&a);
    ls.set_item(&key, &future).unwrap();
    ws.apply(Change::StorageEvent { key: key.clone(), value: Some(future.clone()) }, 2);

    let edit = Edit::Response { question: "1.1.2".into(), response: Some(Response::Level(4)) };
    ws.apply(Change::Edit { id: a.id.clone(), edit, save: Save::Now }, 3);

    assert_eq!(ws.warning(), Some(SaveError::NewerVersion));
    assert_eq!(ls.get_item(&key).unwrap(), Some(future), "the newer entry is untouched, byte for byte");
}

#[wasm_bindgen_test]
fn an_entry_written_by_the_first_schema_loads_and_is_rewritten_only_by_a_change() {
    let ls = fresh_storage();
    let v1 = include_str!("../fixtures/assessment-schema-1.json");
    let key = "kommunkompass.bedomning.18f0c1a2b3c-0000abcd";
    ls.set_item(key, v1).unwrap();

    let mut ws = load();

    assert!(ws.unreadable().is_empty(), "{:?}", ws.unreadable());
    let a = ws.assessment("18f0c1a2b3c-0000abcd").expect("loaded");
    assert_eq!(a.name, "Ledningsgruppens workshop");
    assert_eq!(a.answer("1.1.1").and_then(|x| x.response), Some(Response::Level(3)));
    assert_eq!(a.answer("1.1.2").and_then(|x| x.response), Some(Response::DontKnow));
    // Reading migrates in memory only; the stored entry is rewritten by the next save, not by loading.
    assert_eq!(ls.get_item(key).unwrap().as_deref(), Some(v1));
    let edit = Edit::Response { question: "1.2.1".into(), response: Some(Response::Level(2)) };
    ws.apply(Change::Edit { id: "18f0c1a2b3c-0000abcd".into(), edit, save: Save::Now }, 9);
    let now = ls.get_item(key).unwrap().unwrap();
    assert_eq!(persist::stored_schema(&now), Some(u64::from(persist::SCHEMA_VERSION)));
}

#[wasm_bindgen_test]
fn clearing_removes_only_this_apps_keys() {
    let ls = fresh_storage();
    let mut ws = load();
    ws.apply(Change::Create(sample("web-clear")), 1);
    ls.set_item("kommunkompass.bedomning.broken", "{").unwrap();
    ls.set_item("kommunkompass.installningar", "x").unwrap();
    ls.set_item("annan-app.data", "behåll mig").unwrap();
    ls.set_item("kommunkompassen", "ingen punkt: inte vår nyckel").unwrap();

    ws.apply(Change::Clear, 2);

    assert_eq!(keys(&ls), vec!["annan-app.data".to_string(), "kommunkompassen".to_string()]);
    assert_eq!(ls.get_item("annan-app.data").unwrap().as_deref(), Some("behåll mig"));
}

#[wasm_bindgen_test]
fn deleting_removes_one_entry() {
    let ls = fresh_storage();
    let mut ws = load();
    ws.apply(Change::Create(sample("web-rm-1")), 1);
    ws.apply(Change::Create(sample("web-rm-2")), 1);

    ws.apply(Change::Delete("web-rm-1".into()), 2);

    assert_eq!(keys(&ls), vec!["kommunkompass.bedomning.web-rm-2".to_string()]);
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_full_keeps_the_old_entry_and_retry_writes() {
    let ls = fresh_storage();
    let a = sample("web-full");
    let key = key_for(&a.id);
    let mut ws = load();
    ws.apply(Change::Create(a.clone()), 1);
    let before = ls.get_item(&key).unwrap();
    let edit = Edit::Response { question: "1.1.2".into(), response: Some(Response::Level(4)) };

    {
        let _full = SetItemPatch::quota_full();
        assert!(LocalStore.probe(), "the probe key must stay writable for this scenario");
        assert_eq!(LocalStore.set(&key, "x"), Err(SaveError::Full));
        ws.apply(Change::Edit { id: a.id.clone(), edit, save: Save::Now }, 2);
    }

    assert_eq!(ws.warning(), Some(SaveError::Full));
    assert_eq!(ls.get_item(&key).unwrap(), before, "the previous entry is untouched");
    // After the guard is gone "Försök spara igen" writes what was kept in memory.
    ws.apply(Change::Retry, 3);
    assert_eq!(ws.warning(), None);
    assert_eq!(ls.get_item(&key).unwrap().unwrap(), encoded(ws.assessment(&a.id).unwrap(), 3));
}

#[wasm_bindgen_test]
fn denied_writes_are_reported_as_unavailable() {
    let ls = fresh_storage();
    let ws = {
        let _denied = SetItemPatch::denied();
        assert!(!LocalStore.probe());
        assert_eq!(LocalStore.set("kommunkompass.x", "1"), Err(SaveError::Unavailable));
        let mut ws = load();
        ws.apply(Change::Create(sample("web-denied")), 1);
        ws
    };
    assert_eq!(ws.warning(), Some(SaveError::Unavailable));
    assert_eq!(ws.count(), 1, "kept in memory");
    assert_eq!(keys(&ls), Vec::<String>::new());
}

#[wasm_bindgen_test]
fn another_refusal_is_named_by_the_browser() {
    fresh_storage();
    let _odd = SetItemPatch::install(r#"function () { throw new DOMException("odd", "InvalidStateError"); }"#);
    assert_eq!(
        LocalStore.set("kommunkompass.x", "1"),
        Err(SaveError::Refused(Refusal { name: "InvalidStateError".into() }))
    );
}

// ---------------------------------------------------------------------------------------------
// Mounting the app
// ---------------------------------------------------------------------------------------------

/// Waits until `f` returns true, letting the reactive system and the browser run in between.
async fn wait_until(what: &str, mut f: impl FnMut() -> bool) {
    for _ in 0..200 {
        if f() {
            return;
        }
        leptos::task::tick().await;
        sleep_ms(10).await;
    }
    panic!("timed out waiting for {what}");
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_the_start_page() {
    let ls = fresh_storage();
    ls.set_item(&key_for("web-mount"), &encoded(&sample("web-mount"), 1)).unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_id("kk-test-host");
    document.body().unwrap().append_child(&host).unwrap();

    let handle = leptos::mount::mount_to(host.clone(), kommunkompass::app::App);
    wait_until("the start page heading", || {
        host.query_selector("h1")
            .unwrap()
            .is_some_and(|h| h.text_content().unwrap_or_default().contains("Kommunkompassen"))
    })
    .await;

    let h1 = host.query_selector("h1").unwrap().unwrap().text_content().unwrap();
    assert_eq!(h1, "Självskattning enligt Kommunkompassen");
    let text = host.text_content().unwrap();
    assert!(text.contains("Ledningsgruppens workshop"), "the stored assessment is listed: {text}");
    assert!(host.query_selector("#kk-new-name").unwrap().is_some(), "the create form is there");
    assert_eq!(document.title(), "Mina självskattningar – Kommunkompass självskattning");
    // Mounting reads, it does not write.
    assert_eq!(keys(&ls), vec!["kommunkompass.bedomning.web-mount".to_string()]);

    drop(handle);
    host.remove();
}

#[wasm_bindgen_test]
fn the_panic_screen_replaces_the_app_with_a_swedish_message() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    host.set_id("kommunkompass");
    host.set_inner_html("<div class=\"kk-app\"><h1>Appen</h1></div>");
    document.body().unwrap().append_child(&host).unwrap();

    let found = kommunkompass::adapters::panic_screen::host_element().expect("the host element is found by id");
    assert_eq!(found.id(), "kommunkompass");
    kommunkompass::adapters::panic_screen::show();

    let alert = host.query_selector("[role=alert]").unwrap().expect("the error screen is an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("Något gick fel"), "{text}");
    assert!(text.contains("Dina sparade svar är kvar"), "{text}");
    assert!(text.contains("Ladda om sidan"), "{text}");
    assert!(host.query_selector("h1").unwrap().unwrap().text_content().unwrap().starts_with("Något gick fel"));
    host.remove();
}
