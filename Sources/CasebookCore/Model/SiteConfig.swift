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
    /// Items per page of the timeline, the quote index and topic pages (`paginate_by`); 0 puts each on one page.
    public var paginateBy: Int

    /// A timeline of 100 event cards is about 300 KB of HTML: long enough to scroll, short enough to load quickly.
    public static let defaultPaginateBy = 100

    public init(title: String, description: String? = nil, baseURL: String = "/", language: String = "en",
                timezone: String = "UTC", unsafeHTML: Bool = false, nav: [NavLink] = [],
                paginateBy: Int = SiteConfig.defaultPaginateBy) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.timezone = timezone
        self.unsafeHTML = unsafeHTML
        self.nav = nav
        self.paginateBy = paginateBy
    }
}
