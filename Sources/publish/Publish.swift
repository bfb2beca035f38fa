import ArgumentParser

@main
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "把政府信息公开工作年度报告读成数据并发布为静态网站。",
        discussion: "Without a subcommand, `publish` builds the site (same as `publish build`).",
        subcommands: [Build.self, Extract.self, Check.self, Sample.self, Bench.self],
        defaultSubcommand: Build.self
    )
}
