#include "parley/event.h"

namespace parley {

const char* FactName(Fact f) {
  switch (f) {
    case Fact::kAsserted: return "asserted";
    case Fact::kNegated: return "negated";
    case Fact::kHypothetical: return "hypothetical";
  }
  return "asserted";
}

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kExact: return "exact";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kAbout: return "about";
    case Qualifier::kUpTo: return "up_to";
  }
  return "exact";
}

const char* StanceName(Stance s) {
  switch (s) {
    case Stance::kDemand: return "demand";
    case Stance::kAccept: return "accept";
    case Stance::kReject: return "reject";
    case Stance::kOffer: return "offer";
    case Stance::kConcede: return "concede";
  }
  return "demand";
}

}  // namespace parley
