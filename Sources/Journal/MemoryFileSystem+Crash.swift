/// The controls tests use: arming a crash, building the image a reboot would find, and
/// preparing corrupt files.
extension MemoryFileSystem {
    /// Makes the `sync`-th sync call from now (fsync, fdatasync or directory sync; 1 = the next)
    /// fail as a crash; all later operations fail too.
    public func crash(atSync sync: Int) {
        state.withLock { $0.crashAtSync = $0.syncCount + sync }
    }

    /// Sync calls made so far.
    public var syncCount: Int { state.withLock { $0.syncCount } }

    /// Whether the armed crash has happened.
    public var hasCrashed: Bool { state.withLock { $0.crashed } }

    /// Changes the capacity (`nil` = unlimited), e.g. to end a simulated disk-full state.
    public func setCapacity(_ capacity: Int?) { state.withLock { $0.capacity = capacity } }

    /// The file system as found after a power cut now: durable state plus a seeded choice of
    /// what happened to each pending change.
    public func imageAfterCrash(seed: UInt64) -> MemoryFileSystem {
        var random = SplitMix(seed: seed)
        let old = state.withLock { $0 }
        var image = State()
        image.directories = old.directories
        image.capacity = old.capacity
        var names = old.durableNames
        let kept = Int(random.next() % UInt64(old.pendingNames.count + 1))
        for (_, change) in old.pendingNames.prefix(kept) { Self.apply(change, to: &names) }
        for (number, inode) in old.inodes {
            var bytes = inode.durable
            for change in inode.pending {
                switch (change, random.next() % 3) {
                case (_, 0): continue
                case (.write(let offset, let data), 1): Self.write(data, at: offset, into: &bytes)
                case (.write(let offset, let data), _):
                    let torn = Int(random.next() % UInt64(data.count + 1))
                    let garbage = (0..<(data.count - torn)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                    Self.write(Array(data.prefix(torn)) + garbage, at: offset, into: &bytes)
                case (.truncate(let length), _): Self.truncate(&bytes, to: length)
                }
            }
            image.inodes[number] = Inode(durable: bytes, current: bytes, pending: [])
        }
        image.names = names
        image.durableNames = names
        image.nextInode = old.nextInode
        return MemoryFileSystem(state: image)
    }

    /// The current content of `path` (what a read sees), or `nil` if there is no such file.
    public func contents(of path: String) -> [UInt8]? {
        state.withLock { state in state.names[path].flatMap { state.inodes[$0]?.current } }
    }

    /// Replaces the content of `path` durably (creating it), to prepare a corrupt store.
    public func setContents(of path: String, to bytes: [UInt8]) {
        state.withLock { state in
            let inode = state.names[path] ?? state.nextInode
            if state.names[path] == nil { state.nextInode += 1 }
            state.inodes[inode] = Inode(durable: bytes, current: bytes, pending: [])
            state.names[path] = inode
            state.durableNames[path] = inode
        }
    }

    /// Removes `path` durably, to prepare a store with a missing file.
    public func remove(_ path: String) {
        state.withLock { state in
            state.names[path] = nil
            state.durableNames[path] = nil
        }
    }

    /// Makes every read of the file now at `path` fail with `EIO`.
    public func makeUnreadable(_ path: String) {
        state.withLock { state in
            if let inode = state.names[path] { state.unreadable.insert(inode) }
        }
    }

    /// The paths of all files, sorted.
    public var paths: [String] { state.withLock { $0.names.keys.sorted() } }
}
