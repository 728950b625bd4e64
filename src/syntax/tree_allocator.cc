#include "syntax/tree_allocator.h"

#include <tree_sitter/api.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace psm {
namespace {

// Every block starts with a header that says how to free it: the size
// class of a pooled block, or kLarge for one that came from malloc.
struct alignas(16) Header {
  uint32_t size_class;
  uint32_t magic;
};
constexpr uint32_t kMagic = 0x7ee5a110;
constexpr uint32_t kLarge = UINT32_MAX;
constexpr size_t kGranule = 16;
constexpr size_t kClasses = 16;  // pooled payloads of 16, 32, ... 256 bytes
constexpr size_t kChunkBytes = 256 * 1024;
// A thread that has taken this much is parsing a large file: its further
// chunks are 2 MiB, aligned and marked for transparent huge pages, so the
// kernel maps them with one fault each instead of 512 (page faults were a
// fifth of the time of a 6 MB file in a VM; docs/performance.md).
constexpr size_t kHugeAfter = 8 * 1024 * 1024;
constexpr size_t kHugeChunkBytes = 2 * 1024 * 1024;

#if defined(__linux__) && defined(MADV_HUGEPAGE)
// `bytes` (a power of two) aligned to `bytes`, marked for huge pages.
// Mapped, not from malloc: an aligned block carved from the heap's top
// leaves its slack there, touched and (on huge pages) resident. Leak
// checkers scan malloc's blocks, not mappings, for the pointers a tree
// holds to its larger blocks: with a sanitizer, malloc it is.
void* NewHugeChunk(size_t bytes) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  void* chunk = std::aligned_alloc(bytes, bytes);
  if (!chunk) return nullptr;
#else
  void* mapped = mmap(nullptr, 2 * bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) return nullptr;
  auto start = reinterpret_cast<uintptr_t>(mapped);
  uintptr_t aligned = (start + bytes - 1) & ~(uintptr_t{bytes} - 1);
  uintptr_t end = start + 2 * bytes;
  if (aligned > start) munmap(mapped, aligned - start);
  if (aligned + bytes < end)
    munmap(reinterpret_cast<void*>(aligned + bytes), end - aligned - bytes);
  void* chunk = reinterpret_cast<void*>(aligned);
#endif
  madvise(chunk, bytes, MADV_HUGEPAGE);  // a hint: may fail
  return chunk;
}
#endif

void* NewChunk(size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (bytes == kHugeChunkBytes) return NewHugeChunk(bytes);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
  // Mapped with its pages in place: one system call instead of 64 page
  // faults, each a trap into the kernel (the 5-file pre-commit run took 110
  // fewer faults and 2 ms less CPU; every chunk is used, nearly whole).
  // Sanitizers: malloc, for the leak checker (see NewHugeChunk).
  void* mapped = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  return mapped == MAP_FAILED ? nullptr : mapped;
#endif
#endif
  return std::malloc(bytes);
}

size_t ClassOf(size_t size) { return size == 0 ? 0 : (size - 1) / kGranule; }
size_t PayloadOf(size_t size_class) { return (size_class + 1) * kGranule; }

// Every chunk ever taken, so they stay reachable (leak checkers) after the
// thread that carved them has exited; they live as long as the process.
void RegisterChunk(void* chunk) {
  static std::mutex mutex;
  static std::vector<void*>* chunks = new std::vector<void*>;
  std::lock_guard<std::mutex> lock(mutex);
  chunks->push_back(chunk);
}

// One thread's pools. Blocks freed on another thread join that thread's
// free list, which is as good.
struct Pools {
  void* free_list[kClasses] = {};
  char* chunk = nullptr;
  size_t left = 0;
  size_t taken = 0;  // bytes of chunks so far

  size_t NextChunkBytes() {
    size_t bytes = taken >= kHugeAfter ? kHugeChunkBytes : kChunkBytes;
    taken += bytes;
    return bytes;
  }

  void* Take(size_t size_class) {
    if (void* block = free_list[size_class]) {
      free_list[size_class] = *static_cast<void**>(block);
      return block;
    }
    size_t bytes = sizeof(Header) + PayloadOf(size_class);
    if (left < bytes) {
      size_t chunk_bytes = NextChunkBytes();
      chunk = static_cast<char*>(NewChunk(chunk_bytes));
      if (!chunk) return nullptr;
      RegisterChunk(chunk);
      left = chunk_bytes;
    }
    auto* header = reinterpret_cast<Header*>(chunk);
    header->size_class = static_cast<uint32_t>(size_class);
    header->magic = kMagic;
    chunk += bytes;
    left -= bytes;
    return header + 1;
  }

  void Give(void* block, size_t size_class) {
    *static_cast<void**>(block) = free_list[size_class];
    free_list[size_class] = block;
  }
};

Pools& ThreadPools() {
  thread_local Pools pools;
  return pools;
}

Header* HeaderOf(void* p) { return static_cast<Header*>(p) - 1; }

void* Allocate(size_t size) {
  size_t size_class = ClassOf(size);
  if (size_class < kClasses) {
    if (void* block = ThreadPools().Take(size_class)) return block;
    return nullptr;
  }
  auto* header = static_cast<Header*>(std::malloc(sizeof(Header) + size));
  if (!header) return nullptr;
  header->size_class = kLarge;
  header->magic = kMagic;
  return header + 1;
}

void Release(void* p) {
  if (!p) return;
  Header* header = HeaderOf(p);
  if (header->size_class == kLarge) {
    std::free(header);
  } else {
    ThreadPools().Give(p, header->size_class);
  }
}

size_t Capacity(void* p) {
  Header* header = HeaderOf(p);
  return header->size_class == kLarge ? SIZE_MAX
                                      : PayloadOf(header->size_class);
}

void* TsMalloc(size_t size) {
  void* p = Allocate(size);
  if (!p && size) {
    std::abort();  // as tree-sitter's own allocator does on exhaustion
  }
  return p;
}

void* TsCalloc(size_t count, size_t size) {
  size_t bytes = count * size;
  if (size && bytes / size != count) std::abort();
  void* p = TsMalloc(bytes);
  std::memset(p, 0, bytes);
  return p;
}

void* TsRealloc(void* p, size_t size) {
  if (!p) return TsMalloc(size);
  Header* header = HeaderOf(p);
  if (header->size_class == kLarge) {
    if (ClassOf(size) >= kClasses) {
      auto* grown =
          static_cast<Header*>(std::realloc(header, sizeof(Header) + size));
      if (!grown) std::abort();
      return grown + 1;
    }
  } else if (size <= Capacity(p)) {
    return p;
  }
  void* moved = TsMalloc(size);
  size_t keep = header->size_class == kLarge ? size : Capacity(p);
  std::memcpy(moved, p, keep < size ? keep : size);
  Release(p);
  return moved;
}

}  // namespace

void InstallTreeAllocator() {
  static bool installed = [] {
    // PSM_TREE_ALLOCATOR=malloc keeps tree-sitter on malloc (to measure
    // the difference, or to let a memory debugger see every node).
    const char* choice = std::getenv("PSM_TREE_ALLOCATOR");
    if (choice && std::strcmp(choice, "malloc") == 0) return false;
    ts_set_allocator(TsMalloc, TsCalloc, TsRealloc, Release);
    return true;
  }();
  (void)installed;
}

}  // namespace psm
