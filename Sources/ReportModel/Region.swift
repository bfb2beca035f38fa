/// Where an organ sits in China's administrative divisions, down to county level.
/// `adcode` is six digits at the lowest level settled (county, else prefecture `xxxx00`, else province `xx0000`).
public struct Region: Sendable, Equatable, Hashable, Codable {
    public var adcode: String?
    public var province: String?
    public var prefecture: String?
    public var county: String?

    public init(adcode: String? = nil, province: String? = nil, prefecture: String? = nil, county: String? = nil) {
        self.adcode = adcode
        self.province = province
        self.prefecture = prefecture
        self.county = county
    }

    public static let unknown = Region()

    /// The most specific name known, for display ("瑶海区", else "合肥市", …).
    public var displayName: String? { county ?? prefecture ?? province }

    /// "安徽省 合肥市 瑶海区" with the parts that are known.
    public var path: String { [province, prefecture, county].compactMap { $0 }.joined(separator: " ") }

    enum CodingKeys: String, CodingKey { case adcode, province, prefecture, county }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(adcode, forKey: .adcode)
        try c.encode(province, forKey: .province)
        try c.encode(prefecture, forKey: .prefecture)
        try c.encode(county, forKey: .county)
    }
}
