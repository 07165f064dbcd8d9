//! Swedish number formatting shared by the UI, the report and the CSV export.

/// Points with a decimal comma: whole numbers as "56", others with one decimal, "13,3".
pub fn points(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if (rounded - rounded.round()).abs() < 1e-9 {
        format!("{}", rounded.round() as i64)
    } else {
        format!("{rounded:.1}").replace('.', ",")
    }
}

/// A share as whole percent, "75 %".
pub fn percent(share: f64) -> String {
    format!("{} %", (share * 100.0).round() as i64)
}

#[cfg(test)]
mod tests {
    use super::points;

    #[test]
    fn points_use_a_decimal_comma_only_when_needed() {
        assert_eq!(points(56.0), "56");
        assert_eq!(points(13.333), "13,3");
        assert_eq!(points(0.04), "0");
        assert_eq!(points(19.96), "20");
    }
}
