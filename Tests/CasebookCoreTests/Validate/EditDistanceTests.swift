import Testing
@testable import CasebookCore

@Suite struct EditDistanceTests {
    @Test func distances() {
        #expect(EditDistance.between("aws2", "aws") == 1)
        #expect(EditDistance.between("sourcse", "sources") == 1)
        #expect(EditDistance.between("siut", "suit") == 1)
        #expect(EditDistance.between("", "abc") == 3)
        #expect(EditDistance.between("kitten", "sitting") == 3)
    }

    @Test func suggestsOnlyPlausibleTypos() {
        #expect(EditDistance.closest(to: "aws2", among: ["aws", "apple", "parler"]) == "aws")
        #expect(EditDistance.closest(to: "twitter", among: ["aws", "apple"]) == nil)
        #expect(EditDistance.closest(to: "x", among: ["y", "z"]) == "y")
    }
}
