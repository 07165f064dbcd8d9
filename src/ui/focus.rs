//! Keeping keyboard focus where the user is. When a control replaces itself (a "Ta bort" button
//! that turns into a confirmation, a confirmation that closes, a row that disappears), the focused
//! element leaves the page and the browser drops focus to the top of the document; a keyboard or
//! screen-reader user loses their place. These helpers move focus to the control that now matters.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// An element that should receive focus the next time it is in the page, once armed.
pub struct FocusTarget<E: ElementType> {
    node: NodeRef<E>,
    armed: StoredValue<bool>,
}

impl<E: ElementType> Clone for FocusTarget<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E: ElementType> Copy for FocusTarget<E> {}

impl<E> FocusTarget<E>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    /// A target that takes focus only after [`FocusTarget::arm`].
    pub fn new() -> Self {
        Self::with_armed(false)
    }

    /// A target that takes focus as soon as it is mounted (e.g. the first field of a form that
    /// just opened).
    pub fn on_mount() -> Self {
        Self::with_armed(true)
    }

    fn with_armed(armed: bool) -> Self {
        let target = FocusTarget { node: NodeRef::new(), armed: StoredValue::new(armed) };
        Effect::new(move |_| {
            if target.node.get().is_some() {
                target.take_focus();
            }
        });
        target
    }

    /// The node reference to put on the element (`node_ref=target.node()`).
    pub fn node(&self) -> NodeRef<E> {
        self.node
    }

    /// Focus the element once it is (again) in the page — at the next frame if it already is.
    pub fn arm(&self) {
        self.armed.set_value(true);
        let target = *self;
        request_animation_frame(move || target.take_focus());
    }

    fn take_focus(&self) {
        if !self.armed.try_get_value().unwrap_or(false) {
            return;
        }
        if let Some(el) = self.node.get_untracked() {
            self.armed.set_value(false);
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    }
}

impl<E> Default for FocusTarget<E>
where
    E: ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    fn default() -> Self {
        Self::new()
    }
}

/// Moves focus to the element with `id` at the next frame, if it exists then.
pub fn focus_id_next_frame(id: String) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
}

/// Moves focus to the page heading at the next frame (after navigation or when the control the
/// user was on has gone).
pub fn focus_main_heading() {
    request_animation_frame(|| {
        focus_heading_now();
    });
}

fn focus_heading_now() -> bool {
    let heading = document().query_selector(".kk-main h1").ok().flatten();
    if let Some(h) = heading {
        let _ = h.unchecked_into::<web_sys::HtmlElement>().focus();
        return true;
    }
    false
}

thread_local! {
    /// A navigation found nothing to focus: its page was still loading (src/ui/lazy.rs).
    static NAVIGATION_FOCUS_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A lazily loaded page has arrived: if the navigation that led to it found nothing to focus,
/// focus now what it would have.
pub fn page_arrived() {
    if NAVIGATION_FOCUS_PENDING.replace(false) {
        focus_navigation_target();
    }
}

/// After navigation: focus the element the address's fragment names (a question card linked from
/// Förbered utvärderingen), or else the page heading.
pub fn focus_navigation_target() {
    request_animation_frame(|| {
        let hash = window().location().hash().unwrap_or_default();
        let target = hash.strip_prefix('#').filter(|id| !id.is_empty()).and_then(|id| document().get_element_by_id(id));
        match target {
            Some(el) => {
                let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
                NAVIGATION_FOCUS_PENDING.set(false);
            }
            None => NAVIGATION_FOCUS_PENDING.set(!focus_heading_now()),
        }
    });
}

/// A keydown handler that calls `cancel` on Escape, for inline questions and forms ("Avbryt").
pub fn on_escape(cancel: impl Fn() + 'static) -> impl Fn(leptos::ev::KeyboardEvent) + 'static {
    move |ev| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            cancel();
        }
    }
}
