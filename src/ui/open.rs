//! The parent route `/bedomning/:id`: resolves the assessment once (found, missing, or on a rubric
//! version this build does not know), waits for the fetched rubric data (every page under it
//! shows the questions' texts, which are not embedded) and gives its child pages an [`Open`] context — the id, the
//! rubric, the live score and read access to the assessment — through `<Outlet/>`.

use leptos::Params;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{A, Outlet, Redirect};
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::adapters::base::href;
use crate::domain::assessment::{Assessment, Edit, Part};
use crate::domain::rubric::Rubric;
use crate::domain::scoring::{Score, score};
use crate::state::AppState;
use crate::ui::data::NeedsData;
use crate::ui::page::set_title;
use crate::workspace::{Change, Save};

/// The parameters of `/bedomning/:id`.
#[derive(Params, Clone, PartialEq)]
pub struct AssessmentParams {
    /// The assessment id.
    pub id: Option<String>,
}

/// The assessment a page under `/bedomning/:id` shows. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Open {
    id: StoredValue<String>,
    /// Its rubric version.
    pub rubric: &'static Rubric,
    /// Its score, recomputed when its answers change.
    pub score: Memo<Score>,
    state: AppState,
}

impl Open {
    fn new(id: String, rubric: &'static Rubric) -> Self {
        let state = AppState::expect();
        let id = StoredValue::new(id);
        // Typing leaves the scoring revision as it is, so a keystroke does not score again.
        let revision = Memo::new(move |_| state.with(|w| w.scoring_revision()));
        let score = Memo::new(move |_| {
            // Read (not only tracked): a memo that was never read has no sources to notify it.
            let _revision = revision.get();
            id.with_value(|id| state.with_untracked(|w| w.assessment(id).map(|a| score(rubric, &a.answers))))
                .unwrap_or_else(|| score(rubric, &Default::default()))
        });
        Open { id, rubric, score, state }
    }

    /// The context provided by [`AssessmentRoute`].
    pub fn expect() -> Self {
        expect_context::<Open>()
    }

    /// The assessment id.
    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// An address under this assessment: `/bedomning/<id>/<rest>`.
    pub fn href(&self, rest: &str) -> String {
        href(&self.path(rest))
    }

    /// The route path under this assessment, `/bedomning/<id>/<rest>`, without the base the app
    /// may be hosted under (for `navigate` and `<Redirect/>`, which add it themselves).
    pub fn path(&self, rest: &str) -> String {
        self.id.with_value(|id| format!("/bedomning/{id}/{rest}"))
    }

    /// Reads the assessment (tracked): re-runs when the workspace changes; `None` only in the
    /// moment it is removed, before the route shows that.
    pub fn with<R>(&self, read: impl FnOnce(&Assessment) -> R) -> Option<R> {
        self.id.with_value(|id| self.state.with(|w| w.assessment(id).map(read)))
    }

    /// Reads one part of the assessment (one question's answer, one action): re-runs when the
    /// workspace changes and at every keystroke typed into that part, not at keystrokes elsewhere.
    pub fn with_part<R>(&self, part: &Part, read: impl FnOnce(&Assessment) -> R) -> Option<R> {
        self.id.with_value(|id| self.state.with_part(id, part, |w| w.assessment(id).map(read)))
    }

    /// Reads the assessment without subscribing (in event handlers).
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Assessment) -> R) -> Option<R> {
        self.id.with_value(|id| self.state.with_untracked(|w| w.assessment(id).map(read)))
    }

    /// Changes the assessment: typing is written a moment later, everything else at once.
    pub fn edit(&self, edit: Edit) {
        let save = if edit.is_typing() { Save::Later } else { Save::Now };
        self.state.change(Change::Edit { id: self.id(), edit, save });
    }

    /// Writes typed text now (a field lost focus).
    pub fn flush(&self) {
        self.state.flush();
    }
}

/// What the address names.
#[derive(Clone, PartialEq)]
enum Found {
    /// The assessment, on this rubric version (id).
    Here(String),
    /// Not in this browser.
    Missing,
}

/// `/bedomning/:id`: resolves the assessment and shows the child route, or says why it cannot.
#[component]
pub fn AssessmentRoute() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params::<AssessmentParams>();
    let id = Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone())).unwrap_or_default());
    let found = Memo::new(move |_| {
        id.with(|id| state.with(|w| w.assessment(id).map(|a| Found::Here(a.rubric.clone())).unwrap_or(Found::Missing)))
    });
    // "Spara som fil" in a storage warning saves the assessment on screen.
    Effect::new(move |_| state.change(Change::Open(Some(id.get()))));
    on_cleanup(move || state.change(Change::Open(None)));
    move || match found.get() {
        _ if id.with(String::is_empty) => view! { <MissingAssessment/> }.into_any(),
        Found::Missing => view! { <MissingAssessment/> }.into_any(),
        // Every page under an assessment shows its questions' texts (the questionnaire, the
        // results, the report, Förbered …), which are fetched, as are the older versions: the
        // whole catalog first (once per session; later the pages open at once).
        Found::Here(version) => {
            let version = StoredValue::new(version);
            let route = move || match version.with_value(|v| state.catalog().rubric(v)) {
                None => view! { <UnknownVersion version=version.get_value()/> }.into_any(),
                Some(rubric) => {
                    // Tracked: another assessment on the same rubric version is another context.
                    let open = Open::new(id.get(), rubric);
                    view! { <Provider value=open><Outlet/></Provider> }.into_any()
                }
            };
            view! { <NeedsData>{route}</NeedsData> }.into_any()
        }
    }
}

/// `/bedomning/:id` itself: opens the first area under its own address, so the side menu marks it.
#[component]
pub fn ToFirstArea() -> impl IntoView {
    let open = Open::expect();
    view! { <Redirect path=open.path("omrade/1") options=NavigateOptions { replace: true, ..Default::default() }/> }
}

/// Shown when the address names an assessment this browser does not have.
#[component]
fn MissingAssessment() -> impl IntoView {
    set_title("Självskattningen finns inte");
    view! {
        <h1 tabindex="-1">"Självskattningen finns inte här"</h1>
        <p>"Den finns inte i den här webbläsaren. Den kan ha tagits bort, eller sparats i en annan webbläsare eller på en annan dator. Öppna den sparade filen från startsidan om ni har en."</p>
        <p><A href=href("/")>"Till mina självskattningar"</A></p>
    }
}

/// Shown when this browser has the assessment but this version of the tool does not know its
/// version of the criteria (it was saved by a newer version). Nothing is changed or lost.
#[component]
fn UnknownVersion(
    /// The rubric id the assessment names.
    version: String,
) -> impl IntoView {
    set_title("Självskattningen kan inte visas");
    view! {
        <h1 tabindex="-1">"Självskattningen kan inte visas"</h1>
        <p>{format!("Den gäller en version av Kommunkompassens kriterier (”{version}”) som den här versionen av verktyget inte känner till. Den har troligen sparats med en nyare version av verktyget.")}</p>
        <p>"Ingenting har ändrats och svaren finns kvar i webbläsaren. Ladda om sidan för att få den senaste versionen av verktyget. Vill ni ha en kopia, spara självskattningen som fil från startsidan."</p>
        <p><A href=href("/")>"Till mina självskattningar"</A></p>
    }
}
