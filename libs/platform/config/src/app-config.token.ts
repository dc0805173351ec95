import { Inject } from '@nestjs/common';

/** Nest injection token for the service's typed config object (provided by PlatformModule.forRoot). */
export const APP_CONFIG = 'demarches:APP_CONFIG';

/** `constructor(@InjectConfig() private readonly config: DossierConfig)` */
export const InjectConfig = (): PropertyDecorator & ParameterDecorator => Inject(APP_CONFIG);
