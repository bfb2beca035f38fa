import ReportModel

/// The figures of docs/metrics.md for one report, computed from the total column of table 三
/// and from table 四. Every page and download uses these, so each is defined once here.
public struct ReportMetrics: Sendable, Equatable {
    // Requests (table 三)
    public let received: Int?
    public let workload: Int?
    public let handled: Int?
    public let disclosureRate: Rate
    public let releaseRate: Rate
    public let fullDisclosureRate: Rate
    public let substantiveShare: Rate
    public let denialRate: Rate
    public let unavailableRate: Rate
    public let notHeldRate: Rate
    public let notProcessedRate: Rate
    public let otherRate: Rate
    public let backlogRate: Rate
    public let clearanceRatio: Rate
    public let organisationShare: Rate
    // Reviews and lawsuits (table 四)
    public let reviews: Int?
    public let lawsuits: Int?
    public let disputeRate: Rate
    public let reviewCorrectionRate: Rate
    public let lawsuitCorrectionRate: Rate
    public let correctionRate: Rate

    public init(_ record: ReportRecord) {
        let r = record.requests
        let total = ApplicantColumn.total
        func cell(_ row: RequestRow) -> Int? { r[row, total] }
        func group(_ g: RequestGroup) -> Int? { sum(g.rows.map(cell)) }

        let n = cell(.new), c = cell(.carriedOver), t = cell(.total), f = cell(.carriedForward)
        let r1 = cell(.granted), r2 = cell(.partiallyGranted)
        let r3 = group(.denied), r4 = group(.unable), r5 = group(.notProcessed), r6 = group(.other)
        let disclosed = sum([r1, r2])
        let decided = sum([r1, r2, r3])

        received = n
        workload = sum([n, c])
        handled = t
        disclosureRate = Rate(disclosed, over: t)
        releaseRate = Rate(disclosed, over: decided)
        fullDisclosureRate = Rate(r1, over: t)
        substantiveShare = Rate(decided, over: t)
        denialRate = Rate(r3, over: t)
        unavailableRate = Rate(r4, over: t)
        notHeldRate = Rate(cell(.unableNotHeld), over: t)
        notProcessedRate = Rate(r5, over: t)
        otherRate = Rate(r6, over: t)
        backlogRate = Rate(f, over: workload)
        clearanceRatio = Rate(t, over: workload)
        organisationShare = Rate(difference(n, r[.new, .naturalPerson]), over: n)

        let d = record.reviewsAndLawsuits
        func concluded(_ g: DisputeGroup) -> Int? { difference(d[g, .total], d[g, .pending]) }
        let rv = d[.review, .total], ld = d[.lawsuitDirect, .total], la = d[.lawsuitAfterReview, .total]
        reviews = rv
        lawsuits = sum([ld, la])
        disputeRate = Rate(sum([rv, ld]), over: n, scale: 100)
        reviewCorrectionRate = Rate(d[.review, .corrected], over: concluded(.review))
        lawsuitCorrectionRate = Rate(
            sum([d[.lawsuitDirect, .corrected], d[.lawsuitAfterReview, .corrected]]),
            over: sum([concluded(.lawsuitDirect), concluded(.lawsuitAfterReview)]))
        correctionRate = Rate(
            sum(DisputeGroup.allCases.map { d[$0, .corrected] }),
            over: sum(DisputeGroup.allCases.map(concluded)))
    }
}
