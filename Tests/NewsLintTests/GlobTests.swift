import XCTest
@testable import NewsLint

/// Include and exclude patterns of `.lint.json`. (XCTest, so that both test runners report.)
final class GlobTests: XCTestCase {
    func testStarStaysWithinAFolder() {
        XCTAssertTrue(Glob.matches("*.txt", "a.txt"))
        XCTAssertFalse(Glob.matches("*.txt", "dir/a.txt"))
    }

    func testDoubleStarCrossesFolders() {
        XCTAssertTrue(Glob.matches("**/*.txt", "dir/sub/a.txt"))
        XCTAssertTrue(Glob.matches("**/*.txt", "a.txt"))
        XCTAssertTrue(Glob.matches("seeds/**", "seeds/x/y.md"))
        XCTAssertFalse(Glob.matches("seeds/**", "other/x.md"))
    }

    func testQuestionMarkIsOneCharacter() {
        XCTAssertTrue(Glob.matches("page-?.txt", "page-1.txt"))
        XCTAssertFalse(Glob.matches("page-?.txt", "page-10.txt"))
        XCTAssertFalse(Glob.matches("a?b", "a/b"))
    }

    func testHanCharactersInPatterns() {
        XCTAssertTrue(Glob.matches("版面/*.txt", "版面/一版.txt"))
    }
}
