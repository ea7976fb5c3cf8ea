@testable import CasebookCore

/// Builds a fixture site in memory with the shipped templates.
enum FixtureBuild {
    static func files(_ fixture: String, baseURL: String? = nil) -> BuildResult {
        var options = BuildOptions()
        options.content = Fixtures.path("Tests/Fixtures/\(fixture)/Content")
        options.templates = Fixtures.templates
        options.baseURL = baseURL
        options.write = false
        return BuildPipeline.run(options)
    }
}
