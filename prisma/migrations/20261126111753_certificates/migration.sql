-- CreateTable
CREATE TABLE "CertificateType" (
    "id" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "names" JSONB NOT NULL,
    "descriptions" JSONB NOT NULL DEFAULT '{}',
    "validityMonths" INTEGER,
    "signatories" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CertificateType_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "certificateTypeId" UUID NOT NULL,
    "holderUserId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "networkId" UUID NOT NULL,
    "cycle" INTEGER NOT NULL DEFAULT 1,
    "reason" TEXT NOT NULL,
    "issuedById" UUID,
    "holderName" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),
    "revokedReason" TEXT,
    "revokedById" UUID,
    "statusListIndex" INTEGER NOT NULL,
    "credential" JSONB,
    "pdfPath" TEXT,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkIssuerKey" (
    "networkId" UUID NOT NULL,
    "publicKeyMultibase" TEXT NOT NULL,
    "secretKeyEncrypted" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NetworkIssuerKey_pkey" PRIMARY KEY ("networkId")
);

-- CreateIndex
CREATE INDEX "CertificateType_networkId_idx" ON "CertificateType"("networkId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE INDEX "Certificate_organisationId_issuedAt_idx" ON "Certificate"("organisationId", "issuedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_holderUserId_certificateTypeId_cycle_key" ON "Certificate"("holderUserId", "certificateTypeId", "cycle");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_networkId_statusListIndex_key" ON "Certificate"("networkId", "statusListIndex");

-- AddForeignKey
ALTER TABLE "CertificateType" ADD CONSTRAINT "CertificateType_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_certificateTypeId_fkey" FOREIGN KEY ("certificateTypeId") REFERENCES "CertificateType"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_holderUserId_fkey" FOREIGN KEY ("holderUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkIssuerKey" ADD CONSTRAINT "NetworkIssuerKey_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE CASCADE ON UPDATE CASCADE;
