-- CreateTable
CREATE TABLE "RequestToken" (
    "token" TEXT NOT NULL PRIMARY KEY,
    "tokenSecret" TEXT NOT NULL,
    "callbackUrl" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Authorization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "jiraBaseUrl" TEXT NOT NULL,
    "consumerKey" TEXT NOT NULL,
    "jiraUserKey" TEXT NOT NULL,
    "jiraUsername" TEXT NOT NULL,
    "jiraDisplayName" TEXT NOT NULL,
    "accessToken" TEXT NOT NULL,
    "tokenSecret" TEXT NOT NULL,
    "sessionHandle" TEXT,
    "expiresAt" DATETIME,
    "authorizationExpiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "authorizationId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME,
    CONSTRAINT "Session_authorizationId_fkey" FOREIGN KEY ("authorizationId") REFERENCES "Authorization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RequestToken_expiresAt_idx" ON "RequestToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Authorization_accessToken_key" ON "Authorization"("accessToken");

-- CreateIndex
CREATE UNIQUE INDEX "Authorization_jiraBaseUrl_consumerKey_jiraUserKey_key" ON "Authorization"("jiraBaseUrl", "consumerKey", "jiraUserKey");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_authorizationId_idx" ON "Session"("authorizationId");
