import Testing
@testable import CasebookCore

@Suite struct DateLabelTests {
    @Test func datesShowTheirPrecision() {
        #expect(DateLabel.text(PartialDate(year: 2021)) == "2021")
        #expect(DateLabel.text(PartialDate(year: 2021, month: 2)) == "February 2021")
        #expect(DateLabel.text(PartialDate(year: 2021, month: 1, day: 9)) == "Jan 9, 2021")
        #expect(DateLabel.view(PartialDate(year: 2021, month: 2), approximate: true).label == "About February 2021")
    }

    @Test func timesShowInAPStyleWithZone() throws {
        let files = Fixtures.site(adding: ["Content/timeline/a.yml": """
            - {id: a, date: 2021-01-09, time: "18:07", title: T, sources: [news]}
            - {id: b, date: 2021-07-04, time: "00:30", timezone: America/New_York, title: T, sources: [news]}
            - {id: c, date: 2021-07-04, time: "12:00", timezone: UTC, title: T, sources: [news]}
            """])
        let (content, _) = try ContentLoader(fileSystem: InMemoryFileSystem(files: files), root: "Content").load()
        let views = content.events.map { DateLabel.view(of: $0, siteTimeZone: "America/Los_Angeles") }
        #expect(views.map(\.label) == ["Jan 9, 2021, 6:07 p.m. PST", "Jul 4, 2021, 12:30 a.m. EDT", "Jul 4, 2021, 12:00 p.m. UTC"])
        #expect(views.map(\.iso) == ["2021-01-09T18:07-08:00", "2021-07-04T00:30-04:00", "2021-07-04T12:00+00:00"])
    }
}
