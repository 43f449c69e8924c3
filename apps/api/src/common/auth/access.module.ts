import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessPolicy } from './access.policy.js';
import { CsrfGuard } from './csrf.guard.js';
import { SessionGuard } from './session.guard.js';
import { SessionClock } from './session-clock.js';
import { SessionService } from './session.service.js';
import { SignInThrottleService } from './sign-in-throttle.service.js';
import { AuditService } from '../audit/audit.service.js';

/** Sessions, the global guards (session then CSRF), the access policy and the audit log. */
@Global()
@Module({
  providers: [
    SessionService,
    SessionClock,
    AccessPolicy,
    SignInThrottleService,
    AuditService,
    { provide: APP_GUARD, useClass: SessionGuard },
    { provide: APP_GUARD, useClass: CsrfGuard },
  ],
  exports: [SessionService, SessionClock, AccessPolicy, SignInThrottleService, AuditService],
})
export class AccessModule {}
