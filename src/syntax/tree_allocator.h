#ifndef PSM_SYNTAX_TREE_ALLOCATOR_H_
#define PSM_SYNTAX_TREE_ALLOCATOR_H_

namespace psm {

// Gives tree-sitter an allocator of its own: per-thread pools of small
// blocks (up to 256 bytes, which is nearly all a syntax tree is made of),
// larger blocks from malloc. A parse allocates and frees hundreds of
// thousands of small nodes; through malloc they interleave with the tool's
// own strings and vectors and the parse runs measurably slower than in a
// program that does nothing else (docs/performance.md). Pools keep the
// nodes together and reuse freed ones first.
//
// Must be called before any tree-sitter object exists (first thing in
// main): blocks from the previous allocator cannot be freed by this one.
// The tool and the raw-parse baseline both install it;
// PSM_TREE_ALLOCATOR=malloc in the environment leaves malloc in place.
void InstallTreeAllocator();

}  // namespace psm

#endif  // PSM_SYNTAX_TREE_ALLOCATOR_H_
