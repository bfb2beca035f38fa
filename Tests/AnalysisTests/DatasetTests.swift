import Analysis
import ReportModel
import Testing

/// Hand-made multi-year, multi-region records (test data only, never placed in Content/).
@Suite struct DatasetTests {
    static let hefei = ("安徽省", "合肥市")

    /// A consistent report with `granted` of `handled` requests disclosed, all by natural persons.
    static func report(_ agency: String, county: String, code: String, year: Int = 2024, handled: Int = 100,
                       granted: Int = 50, scope: Scope = .organ, published: String? = nil, source: String? = nil) -> ReportRecord {
        var r = ReportRecord(
            source: source ?? "样例/\(agency)-\(year).txt", format: .textCells, scope: scope, published: published,
            agency: agency, year: year,
            region: Region(adcode: code, province: hefei.0, prefecture: hefei.1, county: county))
        for row in RequestRow.allCases { r.requests[row] = [0, 0, 0, 0, 0, 0, 0] }
        r.requests[.new] = [handled, 0, 0, 0, 0, 0, handled]
        r.requests[.total] = [handled, 0, 0, 0, 0, 0, handled]
        r.requests[.granted] = [granted, 0, 0, 0, 0, 0, granted]
        r.requests[.unableNotHeld] = [handled - granted, 0, 0, 0, 0, 0, handled - granted]
        r.reviewsAndLawsuits.cells = Array(repeating: 0, count: 15)
        return r
    }

    @Test func sameOrganAcrossYearsIsJoinedOnlyWithinItsRegion() throws {
        let y23 = Self.report("瑶海区人民政府办公室", county: "瑶海区", code: "340102", year: 2023, handled: 80, granted: 40)
        let y24 = Self.report("瑶海区人民政府办公室", county: "瑶海区", code: "340102", year: 2024, handled: 100, granted: 50)
        let elsewhere = Self.report("瑶海区人民政府办公室", county: "庐阳区", code: "340103", year: 2022)
        let dataset = Dataset(records: [y24, elsewhere, y23])
        let current = try #require(dataset.reports.first { $0.record.year == 2024 })
        let change = try #require(dataset.changes[current.index])
        #expect(dataset.reports[change.previousIndex].record.year == 2023)
        let received = try #require(change.changes.first { $0.metric.id == "received" })
        #expect(received.absolute == 20 && received.percent == 0.25)
        #expect(received.formatted == "+20（+25.00%）")
        let rate = try #require(change.changes.first { $0.metric.id == "disclosure_rate" })
        #expect(rate.absolute == 0, "50% both years")
        #expect(dataset.changes.count == 1, "the 庐阳区 organ of the same name is another organ")
    }

    @Test func duplicateReportsKeepTheLaterPublication() throws {
        let first = Self.report("瑶海区人民政府办公室", county: "瑶海区", code: "340102", handled: 100, published: "2025-01-10", source: "a.txt")
        let corrected = Self.report("瑶海区人民政府办公室", county: "瑶海区", code: "340102", handled: 90, published: "2025-01-20", source: "b.txt")
        let dataset = Dataset(records: [corrected, first])
        let loser = try #require(dataset.reports.first { $0.record.source == "a.txt" })
        let winner = try #require(dataset.reports.first { $0.record.source == "b.txt" })
        #expect(loser.supersededBy == winner.index && winner.supersededBy == nil)
        #expect(loser.record.diagnostics.contains { $0.code == "duplicate-superseded" })
        let county = try #require(dataset.regions.first { $0.adcode == "340102" })
        #expect(county.members == [winner.index])
        #expect(county.metrics.received == 90)
    }

    @Test func duplicateRuleFallsBackToCorrectionThenPath() {
        let plain = Self.report("甲局", county: "瑶海区", code: "340102", source: "z-甲局.txt")
        let correction = Self.report("甲局", county: "瑶海区", code: "340102", source: "甲局（更正）.txt")
        let dataset = Dataset(records: [plain, correction])
        #expect(dataset.reports.first { $0.record.source == "z-甲局.txt" }?.supersededBy != nil)
    }

    @Test func everyRateIsADashOnAZeroDenominator() {
        var zero = Self.report("甲局", county: "瑶海区", code: "340102", handled: 0, granted: 0)
        zero.reviewsAndLawsuits.cells = Array(repeating: 0, count: 15)
        let metrics = ReportMetrics(zero)
        for metric in MetricCatalogue.all where metric.kind == .rate {
            #expect(metric.figure(metrics).sortValue == nil, "\(metric.id)")
            #expect(metric.figure(metrics).formatted == "—", "\(metric.id)")
        }
        let all: [Rate] = [metrics.disclosureRate, metrics.releaseRate, metrics.fullDisclosureRate, metrics.substantiveShare,
                           metrics.denialRate, metrics.unavailableRate, metrics.notHeldRate, metrics.notProcessedRate,
                           metrics.otherRate, metrics.backlogRate, metrics.clearanceRatio, metrics.organisationShare,
                           metrics.disputeRate, metrics.reviewCorrectionRate, metrics.lawsuitCorrectionRate, metrics.correctionRate]
        #expect(all.allSatisfy { $0.value == nil && $0.reason == "分母为0" })
    }

    @Test func regionSumsOrganReportsOnlyAndRecomputesRates() throws {
        let a = Self.report("瑶海区人民政府办公室", county: "瑶海区", code: "340102", handled: 100, granted: 90)
        let b = Self.report("瑶海区教育局", county: "瑶海区", code: "340102", handled: 10, granted: 0)
        let c = Self.report("庐阳区人民政府办公室", county: "庐阳区", code: "340103", handled: 50, granted: 25)
        let wide = Self.report("瑶海区", county: "瑶海区", code: "340102", handled: 115, granted: 90, scope: .region)
        let dataset = Dataset(records: [a, b, c, wide])

        let county = try #require(dataset.regions.first { $0.adcode == "340102" && $0.year == 2024 })
        #expect(county.members.count == 2)
        #expect(county.metrics.received == 110, "the region-wide report is not added to its members")
        #expect(county.metrics.disclosureRate == Rate(90, over: 110), "recomputed from sums, not an average of 90% and 0%")
        #expect(county.regionWideReports.count == 1)
        let reconciliation = dataset.reports[county.regionWideReports[0]].metrics.received! - county.metrics.received!
        #expect(reconciliation == 5)

        let prefecture = try #require(dataset.regions.first { $0.adcode == "340100" })
        #expect(prefecture.name == "合肥市" && prefecture.members.count == 3 && prefecture.metrics.received == 160)
        let province = try #require(dataset.regions.first { $0.adcode == "340000" })
        #expect(province.name == "安徽省" && province.metrics.received == 160)
        let nation = try #require(dataset.regions.first { $0.adcode == RegionTotals.nationalCode })
        #expect(nation.metrics.received == 160 && nation.requestsReports == 3)
    }

    @Test func regionWithOnlyARegionWideReportIsReachableFromTheTop() throws {
        let wide = Self.report("瑶海区", county: "瑶海区", code: "340102", handled: 115, granted: 90, scope: .region)
        let dataset = Dataset(records: [wide])
        for code in ["340102", "340100", "340000", RegionTotals.nationalCode] {
            let region = try #require(dataset.regions.first { $0.adcode == code }, "\(code) has no totals, so no page to walk down through")
            #expect(region.members.isEmpty, "a region-wide report is never summed")
        }
        #expect(dataset.regions.first { $0.adcode == "340102" }?.regionWideReports.count == 1)
    }

    @Test func blankTablesStayOutOfTheSumsAndSaySo() throws {
        let a = Self.report("甲局", county: "瑶海区", code: "340102", handled: 100, granted: 50)
        var blank = Self.report("乙局", county: "瑶海区", code: "340102")
        blank.requests = Requests()
        let county = try #require(Dataset(records: [a, blank]).regions.first { $0.adcode == "340102" })
        #expect(county.members.count == 2 && county.requestsReports == 1)
        #expect(county.metrics.received == 100)
    }

    @Test func tiesShareARankAndSmallSamplesAreNotRanked() throws {
        let records = [
            Self.report("甲局", county: "瑶海区", code: "340102", handled: 100, granted: 50),
            Self.report("乙局", county: "瑶海区", code: "340102", handled: 50, granted: 20),
            Self.report("丙局", county: "瑶海区", code: "340102", handled: 100, granted: 40),
            Self.report("丁局", county: "瑶海区", code: "340102", handled: 40, granted: 4),
            Self.report("戊局", county: "瑶海区", code: "340102", handled: 10, granted: 10),
            Self.report("大兴街道", county: "瑶海区", code: "340102", handled: 100, granted: 99),
        ]
        let dataset = Dataset(records: records, options: .init(minimumRequests: 30))
        let ranking = try #require(dataset.rankings.first {
            $0.metric.id == "disclosure_rate" && $0.group.kind == .department
        })
        let ranks = ranking.entries.map { (dataset.reports[$0.report].record.agency!, $0.rank) }
        #expect(ranks.map(\.1) == [1, 2, 2, 4])
        #expect(ranks.map(\.0) == ["甲局", "丙局", "乙局", "丁局"])
        #expect(ranking.insufficient.map { dataset.reports[$0].record.agency! } == ["戊局"], "10 < 30 requests")
        #expect(!ranking.entries.contains { dataset.reports[$0.report].record.agency == "大兴街道" }, "a township is not a department's peer")
        let interval = try #require(ranking.entries[0].interval)
        #expect(interval.lower < 0.5 && interval.upper > 0.5)
        #expect(ranking.group.label == "2024年 · 县级 · 政府部门 · 本机关报告")
    }

    @Test func wilsonIntervalMatchesTheFormula() throws {
        let w = try #require(WilsonInterval(successes: 0, trials: 10))
        #expect(w.lower == 0 && abs(w.upper - 0.2775) < 0.0005)
        let half = try #require(WilsonInterval(successes: 50, trials: 100))
        #expect(abs(half.lower - 0.4038) < 0.0005 && abs(half.upper - 0.5962) < 0.0005)
        #expect(WilsonInterval(successes: 3, trials: 0) == nil)
    }

    @Test func levelAndKindFromTheName() {
        func profile(_ agency: String, code: String = "340102", county: String? = "瑶海区", scope: Scope = .organ) -> (OrganLevel?, OrganKind) {
            var r = Self.report(agency, county: county ?? "", code: code, scope: scope)
            if county == nil { r.region.county = nil }
            return (OrganProfiler.level(of: r), OrganProfiler.kind(of: r))
        }
        #expect(profile("瑶海区人民政府办公室") == (.county, .department))
        #expect(profile("前进区人民政府") == (.county, .government))
        #expect(profile("大榭街道") == (.township, .township))
        #expect(profile("包头市昆都仑区", scope: .region) == (.county, .government))
        #expect(profile("合肥市财政局", code: "340100", county: nil) == (.prefecture, .department))
        #expect(profile("瑶海区人民政府（样例数据）") == (.county, .government), "a bracketed note is not part of the name's ending")
        #expect(profile("瑶海区教育局(更正)") == (.county, .department))
        var annotated = Self.report("某某管委会", county: "瑶海区", code: "340102")
        #expect(OrganProfiler.kind(of: annotated) == .other)
        annotated.annotations = ReportAnnotations(level: .prefecture, kind: .department)
        #expect(OrganProfiler.level(of: annotated) == .prefecture && OrganProfiler.kind(of: annotated) == .department)
    }
}
