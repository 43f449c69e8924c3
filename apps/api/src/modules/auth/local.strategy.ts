import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import type { FastifyRequest } from 'fastify';
import { AuthService } from './auth.service.js';
import { requestMeta } from '../../common/http/request-meta.js';

/** passport-local: e-mail + password → the user id (the session is opened by the controller). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest, email: string, password: string) {
    // The body was already parsed by the guard: email is lower-cased and trimmed.
    return this.auth.verifyCredentials(email, password, requestMeta(request));
  }
}
