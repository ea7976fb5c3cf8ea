/// Site-wide settings from `Content/site.yml`.
public struct SiteConfig: Hashable, Sendable {
    public struct NavLink: Hashable, Sendable {
        public let title: String
        public let url: String
    }

    public var title: String
    public var description: String?
    public var baseURL: String
    public var language: String
    public var timezone: String
    public var unsafeHTML: Bool
    public var nav: [NavLink]

    public init(title: String, description: String? = nil, baseURL: String = "/", language: String = "en",
                timezone: String = "UTC", unsafeHTML: Bool = false, nav: [NavLink] = []) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.timezone = timezone
        self.unsafeHTML = unsafeHTML
        self.nav = nav
    }
}
