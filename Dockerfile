# mppsim as a container: the packed tarball installed into an empty folder, as test/package/pack.test.ts
# installs it, run as the image's non-root user. Build from a checkout (after `npm ci`):
#   npm pack && docker build --build-arg TARBALL=mppsim-0.1.0.tgz -t mppsim .
#   docker run --rm -v "$PWD/output:/home/node/app/output" mppsim run baseline-tucson-el-paso
FROM node:20-bookworm-slim
ARG TARBALL
WORKDIR /home/node/app
COPY --chown=node:node ${TARBALL} /tmp/mppsim.tgz
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund /tmp/mppsim.tgz && rm /tmp/mppsim.tgz && chown -R node:node /home/node/app
USER node
ENV CI=true
ENTRYPOINT ["npx", "--no-install", "mppsim"]
CMD ["--help"]
