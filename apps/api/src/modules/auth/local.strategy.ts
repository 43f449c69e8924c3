import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { FastifyRequest } from 'fastify';
import { AuthService } from './auth.service.js';
import { requestMeta } from '../../common/http/request-meta.js';

/** passport-local: identifier + password (or PIN) → the user id (the controller opens the session). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'identifier', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, identifier: string, password: string) {
    // The guard already parsed the body and put the older `email` field into `identifier`.
    return this.auth.verifyCredentials(identifier, password, requestMeta(request));
  }
}
