//! The Swedish sentences that explain the expected evaluation result: what it rests on, how far off
//! it was on the published evaluations, and what that means for reading one's own result. Every
//! number comes from the stored calibration, so the text can never drift from the model.

use super::super::format;
use super::super::reference::Reference;
use super::super::rubric::Scale;
use super::Calibration;

/// Joins names as Swedish prose: "A", "A och B", "A, B och C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} och {last}", init.join(", ")),
    }
}

/// Swedish word for small counts ("två"), digits above twelve.
fn count(n: usize) -> String {
    const WORDS: [&str; 13] =
        ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
    WORDS.get(n).map_or_else(|| n.to_string(), |w| (*w).to_string())
}

impl Calibration {
    /// The published evaluations the model rests on, by their labels ("Ale kommun 2020 och
    /// Alingsås kommun 2022"); ids without a reference are shown as they are.
    pub fn evaluations_text(&self, references: &[Reference]) -> String {
        let names: Vec<String> = self
            .evidence
            .evaluations
            .iter()
            .map(|id| references.iter().find(|r| &r.id == id).map_or_else(|| id.clone(), |r| r.label.clone()))
            .collect();
        and_list(&names)
    }

    /// Where the estimate comes from, in two sentences.
    pub fn basis(&self, references: &[Reference]) -> String {
        let n = self.evidence.evaluations.len();
        format!(
            "Det förväntade resultatet bygger på {} publicerade utvärderingar ({}), som lästs med poängen \
             borttagna och besvarats med det här frågeformuläret av {} oberoende läsare. Svaren jämfördes med \
             utvärderarnas poäng, och varje svarsnivå fick den andel av maxpoängen som utvärderarna i genomsnitt gav.",
            count(n),
            self.evaluations_text(references),
            count(self.evidence.readings as usize),
        )
    }

    /// How far off it was on an evaluation it was not fitted on, and the range that follows.
    pub fn accuracy(&self) -> String {
        let h = &self.evidence.held_out;
        format!(
            "Prövat på en utvärdering som det inte byggde på hamnade totalen som mest {} poäng fel, och ett \
             område i genomsnitt {} poäng fel (som mest {}). Därför visas ett troligt intervall på ±{} poäng för \
             totalen och ±{} poäng för varje område.",
            format::points(h.max_total_error),
            format::points(h.mean_area_error),
            format::points(h.max_area_error),
            format::points(self.total_range),
            format::points(self.area_range),
        )
    }

    /// What the measurements say about self-assessed points against evaluated ones (replaces the
    /// old assumption that self-assessments come out high): the levels that earn nothing in the raw
    /// score, with the share the evaluators gave them on average.
    pub fn what_measurements_show(&self, scale: &Scale) -> String {
        let zero: Vec<String> = scale
            .levels
            .iter()
            .filter(|l| l.fraction == 0.0)
            .map(|l| format!("{} för ”{}”", format::percent(self.share(l.value)), l.label))
            .collect();
        let begun = scale.levels.get(1).map_or("", |l| l.label.as_str());
        format!(
            "Mätningarna visar att frågeformulärets råpoäng blir lägre än utvärderarnas poäng, inte högre. Där \
             läsarna av en rapport valde en nivå som ger noll i råpoängen gav utvärderarna i genomsnitt ändå {} av \
             delområdets maxpoäng. Det förväntade resultatet räknar med det. Det förutsätter att ni svarar som \
             utvärderarna bedömer: det som bara är påbörjat är ”{begun}”, och det som ska räknas som infört måste gå \
             att visa i dokument, på webbplatsen eller i intervjuer.",
            and_list(&zero),
        )
    }

    /// One paragraph for the criteria page: the model, its basis and its accuracy.
    pub fn paragraph(&self, scale: &Scale, references: &[Reference]) -> String {
        let shares: Vec<String> = self
            .levels
            .iter()
            .map(|l| {
                let label = scale.level(l.value).map_or("?", |x| x.label.as_str());
                format!("{label} {}", format::percent(l.share))
            })
            .collect();
        format!(
            "Förväntat resultat vid en utvärdering: samma svar räknas också om med de andelar som utvärderarna i \
             genomsnitt gav för varje nivå ({}). {} {}",
            and_list(&shares),
            self.basis(references),
            self.accuracy(),
        )
    }
}
