export { RandomStreams, createStream, streamSeed, type Uniform01 } from './streams.js';
export {
  bernoulli,
  categoricalIndex,
  countSampler,
  distributionMean,
  sampler,
  type DistributionSpec,
  type Sampler,
} from './distributions.js';
