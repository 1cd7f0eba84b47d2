/// Facts about a JSON number's text that the grammar checks and the matcher need.
struct NumberText {
    let text: String

    /// The value as a double, or `nil` when it overflows to infinity.
    var double: Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Digits to the right of the decimal point once the exponent is applied (`1.25e1` has 1, `5e-3` has 3).
    var decimalPlaces: Int {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...].filter { $0 != "+" }) ?? 0
            mantissa = text[..<e]
        }
        var fraction = 0
        if let dot = mantissa.firstIndex(of: ".") {
            var digits = mantissa[mantissa.index(after: dot)...]
            while digits.last == "0" { digits = digits.dropLast() }
            fraction = digits.count
        }
        return max(0, fraction - exponent)
    }
}
