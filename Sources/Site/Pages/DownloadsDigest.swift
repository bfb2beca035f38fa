import ReportModel

/// The downloads page's digest, beside it: every description of every download (through their
/// printed form, so a field added to `DownloadEntry` is covered without being listed here).
enum DownloadsDigest {
    static func digest(_ site: SiteIndex) -> ContentHash {
        var d = DigestBuilder("downloads-page")
        d.add(site.frame)
        d.add(site.content.downloads.count)
        for entry in site.content.downloads { d.add(String(describing: entry)) }
        return d.digest
    }
}
