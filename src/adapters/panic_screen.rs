//! The last line of defence: if the app panics, replace it with a Swedish message instead of
//! leaving a blank or frozen page. Written with plain DOM calls because Leptos may be unusable.

/// The element the app mounts into: `#kommunkompass` when the page has one, else `<body>`.
pub fn host_element() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    match document.get_element_by_id("kommunkompass") {
        Some(el) => el.dyn_into().ok(),
        None => document.body(),
    }
}

const MESSAGE: &str = r#"<div class="kk-app kk-fatal" role="alert">
<h1>Något gick fel i Kommunkompass självskattning</h1>
<p>Appen stötte på ett oväntat fel och kunde inte fortsätta.</p>
<p><strong>Dina sparade svar är kvar</strong> i den här webbläsaren. Ladda om sidan för att fortsätta där du var.</p>
<p><a href="">Ladda om sidan</a></p>
<p>Om felet kommer tillbaka: spara dina självskattningar som filer från startsidan och kontakta den som ansvarar för verktyget.</p>
</div>"#;

/// Installs a panic hook that logs to the console and then shows the error screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Replaces the app with the error screen.
pub fn show() {
    if let Some(host) = host_element() {
        host.set_inner_html(MESSAGE);
    }
}
