#pragma once

#include <stdexcept>

namespace eikona::pipeline {

/// A request the pipeline cannot run, or a run that failed, said in words for the artist.
class PipelineError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

} // namespace eikona::pipeline
