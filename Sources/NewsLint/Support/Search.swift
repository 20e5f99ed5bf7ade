extension RandomAccessCollection where Index == Int {
    /// The first index at which `before` stops holding, for a collection in which every element
    /// that `before` holds for comes first (halving, so a sorted list is searched in log time).
    @inline(__always)
    func partitionPoint(_ before: (Element) -> Bool) -> Int {
        var lo = startIndex, hi = endIndex
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if before(self[mid]) { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
