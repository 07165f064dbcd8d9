//! The parent route `/workshop/:id`: resolves the workshop once (found, missing, or on a rubric
//! version this build does not know) and gives its child pages an [`OpenWorkshop`] context — the
//! id, the rubric, the statistics (computed again only when the participants change) and read
//! access to the workshop — through `<Outlet/>`.

use leptos::Params;
use leptos::context::Provider;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::adapters::base::href;
use crate::domain::assessment::{Millis, Part};
use crate::domain::rubric::Rubric;
use crate::domain::scoring::Score;
use crate::domain::workshop::Workshop;
use crate::domain::workshop::stats::{Overview, overview_with_scores, participant_scores};
use crate::state::AppState;
use crate::ui::data::NeedsData;
use crate::ui::page::set_title;
use crate::workspace::{Change, Save, WorkshopChange};

/// The parameters of `/workshop/:id`.
#[derive(Params, Clone, PartialEq)]
pub struct WorkshopParams {
    /// The workshop id.
    pub id: Option<String>,
}

/// The statistics of the participants' answers.
#[derive(Clone, PartialEq)]
pub struct Stats {
    /// Every participant's score, in the workshop's order.
    pub scores: Vec<Score>,
    /// Distribution, median and spread per question, sub-area and area, and the rankings.
    pub overview: Overview,
}

/// The workshop a page under `/workshop/:id` shows. Cheap to copy.
#[derive(Clone, Copy)]
pub struct OpenWorkshop {
    id: StoredValue<String>,
    /// Its rubric version.
    pub rubric: &'static Rubric,
    /// The statistics, computed again only when a participant is added or removed.
    pub stats: Memo<Stats>,
    /// How each participant is shown (their name, or "Deltagare A, B, …"), in order.
    pub names: Memo<Vec<String>>,
    state: AppState,
}

impl OpenWorkshop {
    fn new(id: String, rubric: &'static Rubric) -> Self {
        let state = AppState::expect();
        let id = StoredValue::new(id);
        // Which participants are in: the statistics depend on nothing else.
        let who = Memo::new(move |_| {
            id.with_value(|id| {
                state.with(|w| {
                    w.workshop(id)
                        .map(|x| x.participants().map(|p| (p.assessment.clone(), p.changed_at)).collect::<Vec<_>>())
                })
            })
            .unwrap_or_default()
        });
        let stats = Memo::new(move |_| {
            who.track();
            id.with_value(|id| {
                state.with_untracked(|w| {
                    let sets = w.workshop(id).map(Workshop::answer_sets).unwrap_or_default();
                    let scores = participant_scores(rubric, &sets);
                    let overview = overview_with_scores(rubric, &sets, &scores);
                    Stats { scores, overview }
                })
            })
        });
        let names = Memo::new(move |_| {
            id.with_value(|id| {
                state.with(|w| {
                    w.workshop(id).map(|x| (0..x.participants().count()).map(|i| x.display_name(i)).collect::<Vec<_>>())
                })
            })
            .unwrap_or_default()
        });
        OpenWorkshop { id, rubric, stats, names, state }
    }

    /// The context provided by [`WorkshopRoute`].
    pub fn expect() -> Self {
        expect_context::<OpenWorkshop>()
    }

    /// The workshop id.
    pub fn id(&self) -> String {
        self.id.get_value()
    }

    /// A link target under this workshop: `/workshop/<id>/<rest>` (or the workshop itself for ""),
    /// with the base the app is hosted under.
    pub fn href(&self, rest: &str) -> String {
        href(&self.path(rest))
    }

    /// The route path under this workshop, without the base (for `navigate`, which adds it).
    pub fn path(&self, rest: &str) -> String {
        self.id
            .with_value(|id| if rest.is_empty() { format!("/workshop/{id}") } else { format!("/workshop/{id}/{rest}") })
    }

    /// Reads the workshop (tracked); `None` only in the moment it is removed.
    pub fn with<R>(&self, read: impl FnOnce(&Workshop) -> R) -> Option<R> {
        self.id.with_value(|id| self.state.with(|w| w.workshop(id).map(read)))
    }

    /// Reads one part of the workshop (a question's agreed answer): runs again when that part
    /// changes (also at every keystroke in its note) and at every change that is not a workshop
    /// or assessment edit.
    pub fn with_part<R>(&self, part: &Part, read: impl FnOnce(&Workshop) -> R) -> Option<R> {
        self.id.with_value(|id| self.state.with_part(id, part, |w| w.workshop(id).map(read)))
    }

    /// Reads the workshop without subscribing (in event handlers).
    pub fn with_untracked<R>(&self, read: impl FnOnce(&Workshop) -> R) -> Option<R> {
        self.id.with_value(|id| self.state.with_untracked(|w| w.workshop(id).map(read)))
    }

    /// Changes the workshop: a typed note is written a moment later, everything else at once.
    pub fn change(&self, change: WorkshopChange) {
        let save = if change.is_typing() { Save::Later } else { Save::Now };
        self.state.change(Change::Workshop { id: self.id(), change, save });
    }

    /// Writes typed text now (a field lost focus).
    pub fn flush(&self) {
        self.state.flush();
    }

    /// When the workshop last changed (tracked).
    pub fn updated_at(&self) -> Millis {
        self.with(|w| w.updated_at).unwrap_or_default()
    }
}

/// What the address names.
#[derive(Clone, PartialEq)]
enum Found {
    /// The workshop, on this rubric version (id).
    Here(String),
    /// Not in this browser.
    Missing,
}

/// `/workshop/:id`: resolves the workshop and shows the child route, or says why it cannot.
#[component]
pub fn WorkshopRoute() -> impl IntoView {
    let state = AppState::expect();
    let params = use_params::<WorkshopParams>();
    let id = Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone())).unwrap_or_default());
    let found = Memo::new(move |_| {
        id.with(|id| state.with(|w| w.workshop(id).map(|x| Found::Here(x.rubric.clone())).unwrap_or(Found::Missing)))
    });
    // "Spara som fil" in a storage warning saves the workshop on screen too.
    Effect::new(move |_| state.change(Change::OpenWorkshop(Some(id.get()))));
    on_cleanup(move || state.change(Change::OpenWorkshop(None)));
    // Every workshop view shows the average and checks participants' files against every
    // version: the whole catalog first.
    let route = move || match found.get() {
        Found::Missing => view! { <MissingWorkshop/> }.into_any(),
        Found::Here(version) => match state.catalog().rubric(&version) {
            None => view! { <UnknownWorkshopVersion version=version/> }.into_any(),
            Some(rubric) => {
                let open = OpenWorkshop::new(id.get(), rubric);
                view! { <Provider value=open><Outlet/></Provider> }.into_any()
            }
        },
    };
    view! { <NeedsData>{route}</NeedsData> }
}

/// Shown when the address names a workshop this browser does not have.
#[component]
fn MissingWorkshop() -> impl IntoView {
    set_title("Workshoppen finns inte");
    view! {
        <h1 tabindex="-1">"Workshoppen finns inte här"</h1>
        <p>"Den finns inte i den här webbläsaren. Den kan ha tagits bort, eller sparats i en annan webbläsare eller på en annan dator. Öppna den sparade workshopfilen från startsidan om ni har en."</p>
        <p><A href=href("/")>"Till startsidan"</A></p>
    }
}

/// Shown when the workshop is on a version of the criteria this build does not know.
#[component]
fn UnknownWorkshopVersion(
    /// The rubric id the workshop names.
    version: String,
) -> impl IntoView {
    set_title("Workshoppen kan inte visas");
    view! {
        <h1 tabindex="-1">"Workshoppen kan inte visas"</h1>
        <p>{format!("Den gäller en version av Kommunkompassens kriterier (”{version}”) som den här versionen av verktyget inte känner till. Ladda om sidan för att få den senaste versionen av verktyget. Ingenting har ändrats.")}</p>
        <p><A href=href("/")>"Till startsidan"</A></p>
    }
}
