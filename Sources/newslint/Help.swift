import NewsLint

enum Help {
    static func text(_ lang: Language) -> String {
        lang == .zh ? zh : en
    }

    static let zh = """
    newslint \(Version.current) —— 报纸稿件编校检查工具

    用法：
      newslint [lint] [路径…] [选项]   检查文件和文件夹（递归查找 .txt、.md、.docx）；- 表示标准输入
      newslint rules [--markdown]      列出规则
      newslint explain 规则            说明一条规则及其示例
      newslint layout 文件…            显示版面分析结果（块、类别、稿件）
      newslint claims [路径…]          列出核对过的每一处数字说法及结论（数字说法台账）
      newslint fix [路径…] [--dry-run] 应用可安全自动修改的建议（--dry-run 只显示差异）

    不给路径时，检查 .lint.json 中 include 列出的文件。

    选项：
      -f, --format FORMAT      输出格式：text（默认）、json、sarif、github、html、docx（带批注的 Word 副本，需 --output）
          --baseline 文件      只报告基线文件中没有的问题
          --write-baseline 文件  把本次发现的问题记为基线
      -o, --output 文件        把报告写入文件
      -c, --config 文件        使用指定的配置文件（默认从当前目录向上查找 .lint.json）
          --strict             有警告也以退出码 1 结束
      -j, --jobs N             同时分析的文件数（默认每核一个；结果与此无关）
          --timing             在标准错误输出各阶段和各规则的耗时
          --max-file-size 大小  单个输入文件的上限（默认 256M；可写 K、M、G）
          --date 日期          出版日期 YYYY-MM-DD：按这一天核对领导人职务（默认取路径或版面上的日期）
          --lang zh|en         消息语言（默认 zh）
          --no-color           不使用颜色（设置 NO_COLOR 环境变量效果相同）
      -h, --help               显示本帮助
      -V, --version            显示版本

    退出码：0 没有错误级问题；1 有错误级问题（或 --strict 下有警告）；2 用法、配置或输入错误。

    """

    static let en = """
    newslint \(Version.current) — an editorial linter for Chinese newspaper copy

    Usage:
      newslint [lint] [PATH…] [options]   lint files and folders (.txt, .md and .docx, recursively); - is standard input
      newslint rules [--markdown]         list the rules
      newslint explain RULE               describe a rule, with its examples
      newslint layout FILE…               show how the layout model reads a page (blocks, kinds, articles)
      newslint claims [PATH…]             the claims ledger: every numeric claim checked, with its verdict
      newslint fix [PATH…] [--dry-run]    apply the suggestions marked safe (--dry-run prints a diff)

    With no PATH, newslint lints what `include` in .lint.json names.

    Options:
      -f, --format FORMAT      report format: text (default), json, sarif, github, html, docx (a Word copy with comments; needs --output)
          --baseline FILE      report only findings not in the baseline FILE
          --write-baseline FILE  record this run's findings as the baseline FILE
      -o, --output FILE        write the report to FILE
      -c, --config FILE        configuration file (default: the nearest .lint.json upwards)
          --strict             exit 1 on warnings too
      -j, --jobs N             files analysed at once (default: one per core; output does not depend on it)
          --timing             print the time of each stage and rule to standard error
          --max-file-size SIZE  the largest input file read (default 256M; K, M, G allowed)
          --date DAY           the edition's date, YYYY-MM-DD: offices are judged on that day (default: a date in the path or on the page)
          --lang zh|en         message language (default zh)
          --no-color           no colour (so does the NO_COLOR environment variable)
      -h, --help               show this help
      -V, --version            show the version

    Exit codes: 0 no error-severity findings; 1 error-severity findings (or warnings with --strict);
    2 usage, configuration or input errors.

    """
}
