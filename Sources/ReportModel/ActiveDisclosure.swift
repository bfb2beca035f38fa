/// Table 二 of the 2021 format: active disclosure under Article 20.
public struct ActiveDisclosure: Sendable, Equatable, Hashable {
    public struct Documents: Sendable, Equatable, Hashable {
        public var issued: Int?
        public var repealed: Int?
        public var inForce: Int?
        public init(issued: Int? = nil, repealed: Int? = nil, inForce: Int? = nil) {
            self.issued = issued
            self.repealed = repealed
            self.inForce = inForce
        }
        public var isBlank: Bool { issued == nil && repealed == nil && inForce == nil }
    }

    public var rules = Documents()
    public var normativeDocuments = Documents()
    public var licensing: Int?
    public var punishment: Int?
    public var coercion: Int?
    /// 行政事业性收费 in 万元 (10,000 yuan), a decimal.
    public var fees10kYuan: Double?

    public init() {}

    public var isEntirelyBlank: Bool {
        rules.isBlank && normativeDocuments.isBlank && licensing == nil && punishment == nil
            && coercion == nil && fees10kYuan == nil
    }
}

/// Table 二 of the 2019 trial format (reports for 2019 and 2020). Never mapped onto the 2021 columns.
public struct ActiveDisclosure2019: Sendable, Equatable, Hashable {
    public struct Documents: Sendable, Equatable, Hashable {
        public var made: Int?
        public var published: Int?
        public var publicTotal: Int?
        public init() {}
    }
    public struct Items: Sendable, Equatable, Hashable {
        public var itemsLastYear: Int?
        public var change: Int?
        public var decisions: Int?
        public init() {}
    }
    public struct Fees: Sendable, Equatable, Hashable {
        public var itemsLastYear: Int?
        public var change: Int?
        public init() {}
    }
    public struct Procurement: Sendable, Equatable, Hashable {
        public var projects: Int?
        /// As written in the cell, converted to 万元 where the cell names its unit.
        public var amount: Double?
        public init() {}
    }

    public var rules = Documents()
    public var normativeDocuments = Documents()
    public var licensing = Items()
    public var otherServices = Items()
    public var punishment = Items()
    public var coercion = Items()
    public var fees = Fees()
    public var procurement = Procurement()

    public init() {}
}
