import ArgumentParser

@main
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "把政府信息公开工作年度报告读成数据并发布为静态网站。",
        discussion: """
            Without a subcommand, `publish` builds the site (same as `publish build`).

            Exit status: 0 the site was built (findings and unread files are listed on it); \
            1 `publish check --strict` found errors or unreadable files; \
            2 nothing could be built (no readable report, or the output cannot be written); \
            64 bad usage (an unknown option, a missing or malformed argument).
            """,
        subcommands: [Build.self, Extract.self, Check.self, Sample.self, Bench.self],
        defaultSubcommand: Build.self
    )
}
