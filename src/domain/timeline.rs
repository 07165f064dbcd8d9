//! The weeks before a planned evaluation: what to have done by when. The steps are this tool's
//! suggestion, built on how the evaluators work (documents first, then the website, then about
//! forty interviews); the dates are counted back from the evaluation date the user gives.

use std::fmt;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// Parses "YYYY-MM-DD"; `None` for anything else or an impossible date.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let date = Date { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month) && (1900..=2200).contains(&year))
            .then_some(date)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// This date moved by `days` (negative for earlier).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days(self.days() + days)
    }

    /// Day of the week, Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The Monday of this date's week.
    pub fn monday(self) -> Date {
        self.add_days(-i64::from(self.weekday()))
    }

    /// The date in words, the Swedish way: "torsdag 18 mars 2027".
    pub fn swedish(self) -> String {
        const DAYS: [&str; 7] = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"];
        const MONTHS: [&str; 12] = [
            "januari",
            "februari",
            "mars",
            "april",
            "maj",
            "juni",
            "juli",
            "augusti",
            "september",
            "oktober",
            "november",
            "december",
        ];
        let month = MONTHS.get(self.month as usize - 1).copied().unwrap_or_default();
        format!("{} {} {month} {}", DAYS[self.weekday() as usize], self.day, self.year)
    }

    /// ISO 8601 week number (the numbering used in Swedish calendars).
    pub fn iso_week(self) -> u32 {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        ((thursday.days() - jan1.days()) / 7 + 1) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// Weeks before the evaluation (0 = the evaluation week).
    pub weeks_before: u32,
    /// The Monday of that week.
    pub week_of: Date,
    /// ISO week number.
    pub week: u32,
    /// What to have done, in Swedish.
    pub what: &'static str,
}

/// Where a step is, seen from today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// Its week is over.
    Past,
    /// Its week is this week.
    ThisWeek,
    /// Its week is ahead.
    Ahead,
}

impl When {
    /// Swedish label, empty for a week ahead.
    pub fn label(self) -> &'static str {
        match self {
            When::Past => "Passerad",
            When::ThisWeek => "Den här veckan",
            When::Ahead => "",
        }
    }
}

impl Step {
    /// Whether the step's week is over, is this week or is ahead, on `today`.
    pub fn when(&self, today: Date) -> When {
        match self.week_of.cmp(&today.monday()) {
            std::cmp::Ordering::Less => When::Past,
            std::cmp::Ordering::Equal => When::ThisWeek,
            std::cmp::Ordering::Greater => When::Ahead,
        }
    }
}

/// The evaluation date and how far away it is, in one or two sentences.
pub fn countdown(today: Date, evaluation: Date) -> String {
    let when = format!("Utvärderingen är planerad till {} (vecka {}).", evaluation.swedish(), evaluation.iso_week());
    let weeks = (evaluation.monday().days() - today.monday().days()) / 7;
    let left = match weeks {
        _ if evaluation < today => "Datumet har passerat – ändra det om utvärderingen har flyttats.".to_string(),
        0 => "Det är den här veckan.".to_string(),
        1 => "Det är nästa vecka.".to_string(),
        w => format!("Det är {w} veckor dit."),
    };
    format!("{when} {left}")
}

/// The suggested steps: weeks before the evaluation and what to have done by then.
const STEPS: [(u32, &str); 7] = [
    (10, "Utse en samordnare, gå igenom självskattningen och fördela frågorna under ”Ta reda på”."),
    (8, "Samla dokumenten i underlagsförteckningen och uppdatera det som står som ”Behöver uppdateras”."),
    (6, "Gå igenom webbkontrollerna och rätta det som saknas på webbplatsen."),
    (5, "Boka intervjuerna: bjud in rollerna i listan ”Intervjuer att boka”."),
    (4, "Skicka underlagsförteckningen och dokumenten till utvärderarna."),
    (1, "Kontrollera att länkarna fungerar och att alla intervjuer är bekräftade."),
    (0, "Utvärderingen: dokument, webbplats och intervjuer granskas."),
];

/// The plan for an evaluation on `evaluation`, earliest step first.
pub fn plan(evaluation: Date) -> Vec<Step> {
    STEPS
        .iter()
        .map(|(weeks, what)| {
            let week_of = evaluation.monday().add_days(-7 * i64::from(*weeks));
            Step { weeks_before: *weeks, week_of, week: week_of.iso_week(), what }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Date, plan};

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_round_trip_and_know_their_week() {
        for s in ["1970-01-01", "2000-02-29", "2024-12-30", "2026-11-30", "2100-03-01"] {
            assert_eq!(Date::from_days(d(s).days()).to_string(), s);
        }
        assert_eq!(d("1970-01-01").days(), 0);
        assert_eq!(d("2026-11-30").weekday(), 0, "a Monday");
        assert_eq!(d("2026-11-30").iso_week(), 49);
        assert_eq!(d("2024-12-30").iso_week(), 1, "belongs to week 1 of 2025");
        assert_eq!(d("2021-01-03").iso_week(), 53);
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2023-13-01"), None);
        assert_eq!(Date::parse("i morgon"), None);
    }

    #[test]
    fn the_plan_counts_whole_weeks_back_from_the_evaluation_week() {
        let steps = plan(d("2027-03-18")); // a Thursday in week 11
        assert_eq!(
            steps.first().map(|s| (s.weeks_before, s.week_of.to_string(), s.week)),
            Some((10, "2027-01-04".into(), 1))
        );
        assert_eq!(
            steps.last().map(|s| (s.weeks_before, s.week_of.to_string(), s.week)),
            Some((0, "2027-03-15".into(), 11))
        );
        assert!(steps.windows(2).all(|w| w[0].week_of < w[1].week_of));
    }
}
