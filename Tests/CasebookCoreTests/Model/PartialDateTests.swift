import Foundation
import Testing
@testable import CasebookCore

@Suite struct PartialDateTests {
    @Test func paddingMatchesPrintf() {
        for value in [-12_345, -123, -5, 0, 7, 42, 999, 2021, 12_345] {
            for width in [2, 4] {
                #expect(PartialDate.padded(value, width) == String(format: "%0\(width)d", value), "\(value) \(width)")
            }
        }
    }

    @Test func parsesEachPrecision() throws {
        #expect(try PartialDate.parse("2021").get() == PartialDate(year: 2021))
        #expect(try PartialDate.parse("2021-02").get() == PartialDate(year: 2021, month: 2))
        #expect(try PartialDate.parse("2021-02-15").get() == PartialDate(year: 2021, month: 2, day: 15))
        #expect(try PartialDate.parse("2021-02-15").get().precision == .day)
    }

    @Test func rejectsImpossibleAndMalformedDates() {
        #expect(PartialDate.parse("2021-02-30") == .failure(.impossible("2021-02-30", "February 2021 has 28 days")))
        #expect(PartialDate.parse("2020-02-29").isSuccess)
        #expect(PartialDate.parse("2021-13") == .failure(.impossible("2021-13", "month 13 does not exist")))
        for text in ["21", "2021-2", "2021/02/03", "2021-02-03T10:00", "", "２０２１", "2021-02-"] {
            #expect(PartialDate.parse(text) == .failure(.malformed(text)), "\(text)")
        }
    }

    @Test func lessPreciseDatesSortLastWithinTheirPeriod() throws {
        let dates = try ["2021-02-01", "2021-02", "2021", "2020-12-31", "2021-01-15"].map { try PartialDate.parse($0).get() }
        #expect(dates.sorted().map(\.description) == ["2020-12-31", "2021-01-15", "2021-02-01", "2021-02", "2021"])
    }

    @Test func timesAreTwentyFourHourClock() {
        #expect(TimeOfDay("18:07")?.hour == 18)
        #expect(TimeOfDay("00:00")?.description == "00:00")
        for text in ["24:00", "7:05", "18:60", "18-07", "6 pm"] { #expect(TimeOfDay(text) == nil, "\(text)") }
    }

    @Test func slugsAreCheckedAndMade() {
        #expect(Slug.isValid("parler-v-aws"))
        for bad in ["Parler", "a--b", "-a", "a-", "a b", "../x", "a/b", "café", ""] { #expect(!Slug.isValid(bad), "\(bad)") }
        #expect(Slug.make(from: "Content moderation & Section 230") == "content-moderation-section-230")
        #expect(Slug.make(from: "Política ") == "politica")
    }
}

extension Result {
    var isSuccess: Bool { if case .success = self { return true } else { return false } }
}
